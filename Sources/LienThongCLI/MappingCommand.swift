import Decoding
import Domain
import Foundation
import Mapping

enum MappingCommand {
    static let command = Command(
        name: "mapping", summary: "check a mapping file, run its examples, or preview it on real input",
        usage: "check FILE... | test FILE... | preview FILE INPUT [--limit N]",
        options: [.value("--limit", "N", "preview: records to show (default 5)")],
        examples: [
            "lienthong mapping check Mappings/*.yaml",
            "lienthong mapping test Mappings/land.yaml",
            "lienthong mapping preview Mappings/land.yaml out/demo/land.csv --limit 3",
        ],
        details: "check reports every error at once as file:line:col: error: … (exit 1 if any). See docs/mapping-language.md.",
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard let action = arguments.positionals.first else {
            throw UsageError(message: "expected check, test or preview", verb: "mapping")
        }
        let files = Array(arguments.positionals.dropFirst())
        guard !files.isEmpty else { throw UsageError(message: "expected at least one FILE", verb: "mapping") }
        switch action {
        case "check": return check(files, context: context)
        case "test": return try test(files, context: context)
        case "preview":
            guard files.count == 2 else { throw UsageError(message: "preview expects FILE INPUT", verb: "mapping") }
            return try preview(mappingPath: files[0], input: files[1], arguments: arguments, context: context)
        default:
            throw UsageError(message: "unknown action '\(action)' (check, test, preview)", verb: "mapping")
        }
    }

    static func check(_ files: [String], context: Context) -> Int32 {
        var failed = false
        for file in files {
            do {
                _ = try MappingLoader.load(path: file)
                context.console.out("\(file): ok")
            } catch let list as DiagnosticList {
                failed = true
                for diagnostic in list.diagnostics { context.console.error(diagnostic.description) }
            } catch {
                failed = true
                context.console.error("\(file): error: \(error)")
            }
        }
        return failed ? ExitCode.failure : ExitCode.ok
    }

    static func test(_ files: [String], context: Context) throws -> Int32 {
        let reference = try context.reference()
        var failures = 0, passes = 0
        for file in files {
            let mapping = try MappingLoader.load(path: file)
            for outcome in MappingTester.run(mapping, reference: reference) {
                if outcome.passed {
                    passes += 1
                } else {
                    failures += 1
                    for failure in outcome.failures { context.console.error("\(outcome.location): error: example \(outcome.index + 1): \(failure)") }
                }
            }
        }
        context.console.out("\(passes) passed, \(failures) failed")
        return failures == 0 ? ExitCode.ok : ExitCode.failure
    }

    static func preview(mappingPath: String, input: String, arguments: ParsedArguments, context: Context) throws -> Int32 {
        let mapping = try MappingLoader.load(path: mappingPath)
        let evaluator = MappingEvaluator(mapping: mapping, reference: try context.reference())
        let limit = try arguments.int("--limit", default: 5, verb: "mapping", range: 1...10_000)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var shown = 0
        struct Enough: Error {}
        do {
            _ = try RecordDecoder.decodeFile(
                path: input, options: try IngestPipeline.decodeOptions(for: mapping.input),
                onRecord: { record in
                    context.console.out("── \(record.location)\nraw:       \(record.fields.jsonText)")
                    switch evaluator.evaluate(record) {
                    case .mapped(let mentions, let links):
                        for mention in mentions {
                            context.console.out("canonical: " + String(decoding: try encoder.encode(mention), as: UTF8.self))
                        }
                        for link in links { context.console.out("link:      \(link.type.rawValue) \(link.from) → \(link.to)") }
                    case .quarantined(let reasons):
                        context.console.out("quarantined: " + reasons.map(\.description).joined(separator: "; "))
                    }
                    shown += 1
                    if shown >= limit { throw Enough() }
                },
                onRecordError: { error in
                    context.console.out("── \(error.location)\nrecord error: " + error.reasons.map(\.description).joined(separator: "; "))
                })
        } catch is Enough {}
        return ExitCode.ok
    }
}
