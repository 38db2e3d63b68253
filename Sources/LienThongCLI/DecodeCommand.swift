import Decoding
import Domain
import Foundation
import TextEncodings

enum DecodeCommand {
    static let command = Command(
        name: "decode", summary: "print the raw records of a file as JSON lines with their location",
        usage: "FILE [--format csv|json|xml] [--encoding auto|utf-8|utf-16|windows-1258|tcvn3|vni] [--record PATH] [--delimiter C] [--alias COLUMN=NAME] [--namespace PREFIX=URI]",
        options: [
            .value("--format", "FORMAT", "csv, json or xml (default: from the file extension)"),
            .value("--encoding", "ENC", "text encoding (default auto: detected from the bytes)"),
            .value("--record", "PATH", "XML record element (name or /path) or JSON pointer to the record array"),
            .value("--schema", "XSD", "XML: validate against this XSD while decoding; records with violations are record errors"),
            .value("--delimiter", "C", "CSV delimiter (default: sniffed among , ; TAB |)"),
            .value("--alias", "COLUMN=NAME", "CSV: read a header column called NAME as COLUMN (case and spacing ignored; repeatable)", repeatable: true),
            .value("--namespace", "PREFIX=URI", "XML: key names in namespace URI as PREFIX:name (repeatable)", repeatable: true),
            .value("--limit", "N", "stop after N records"),
        ],
        examples: [
            "lienthong decode out/demo/commune_legacy.csv --encoding tcvn3",
            "lienthong decode export.xml --record cong_dan --limit 3",
        ],
        details: "What the gateway sees in a file. Record-level problems print as {\"error\":…} lines; a file-level failure exits 1 with file:line:col.",
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.count == 1, let file = arguments.positionals.first else {
            throw UsageError(message: "expected exactly one FILE", verb: "decode")
        }
        let options = try DecodeOptions.from(arguments, file: file, verb: "decode")
        let limit = try arguments.int("--limit", default: Int.max, verb: "decode", range: 1...Int.max)
        let console = context.console
        var printed = 0
        struct Enough: Error {}
        do {
            _ = try RecordDecoder.decodeFile(
                path: file, options: options,
                onRecord: { record in
                    console.out("{\"location\":\(RawNodeJSON.json(record.location)),\"fields\":\(record.fields.jsonText)}")
                    printed += 1
                    if printed >= limit { throw Enough() }
                },
                onRecordError: { error in
                    let reasons = error.reasons.map { JSONText.quote("\($0.rule): \($0.message)") }.joined(separator: ",")
                    console.out("{\"location\":\(RawNodeJSON.json(error.location)),\"error\":[\(reasons)]}")
                    printed += 1
                    if printed >= limit { throw Enough() }
                })
        } catch is Enough {
            return ExitCode.ok
        }
        return ExitCode.ok
    }
}
