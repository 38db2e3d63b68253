import Domain
import Foundation
import Mapping
import Reference
import Resolution
import Storage
import Synthesis

enum DemoCommand {
    static let command = Command(
        name: "demo", summary: "generate sample registries, ingest them with the shipped mappings, resolve, summarise",
        usage: "[--persons N] [--seed S] [--out DIR] [--mappings DIR]",
        options: [
            .value("--persons", "N", "synthetic persons (default 2000)"),
            .value("--seed", "S", "random seed (default 42)"),
            .value("--out", "DIR", "where the generated files go (default out/demo)"),
            .value("--mappings", "DIR", "directory of the shipped mappings (default: the repository's Mappings/)"),
        ],
        examples: ["lienthong demo --persons 2000 --seed 42 --store sqlite:out/demo.db"],
        details: "The newcomer's first command: shows reconciled persons across the population, land, enterprise and legacy commune registries.",
        run: run)

    /// The four shipped registries: mapping file and generated input.
    static let registries: [(mapping: String, input: String)] = [
        ("population.yaml", "population.xml"), ("land.yaml", "land.csv"), ("enterprise.yaml", "enterprise.json"),
        ("commune_legacy.yaml", "commune_legacy.csv"),
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let persons = try arguments.int("--persons", default: 2000, verb: "demo", range: 1...10_000_000)
        let seedText = arguments.value("--seed") ?? "42"
        guard let seed = UInt64(seedText) else { throw UsageError(message: "--seed expects a whole number", verb: "demo") }
        let out = arguments.value("--out") ?? "out/demo"
        let mappingsDirectory = try arguments.value("--mappings") ?? shippedMappingsDirectory()
        let reference = try context.reference()
        let console = context.console

        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let generated = try RegistryGenerator(persons: persons, seed: seed, reference: reference).write(to: out)
        if !context.wantsJSON { console.out("1. generated \(generated.persons) persons → \(out)/") }

        let store = try context.store()
        var reports: [FileIngestReport] = []
        for registry in registries {
            let mapping = try MappingLoader.load(path: "\(mappingsDirectory)/\(registry.mapping)")
            let pipeline = IngestPipeline(mapping: mapping, reference: reference, store: store, resolver: try context.resolver())
            let report = try pipeline.ingest(file: "\(out)/\(registry.input)") { console.progress("\(registry.input): \($0) records") }
            console.endProgress()
            reports.append(report)
            if !context.wantsJSON { console.out("2. ingested " + IngestCommand.describe(report)) }
        }
        let summary = try DemoSummary.build(store: store, truthFile: "\(out)/truth.csv")
        if context.wantsJSON {
            try console.json(DemoReport(generated: generated, ingested: reports, summary: summary))
        } else {
            summary.print(to: console)
        }
        return reports.contains { $0.rejected != nil } ? ExitCode.failure : ExitCode.ok
    }

    /// `Mappings/` next to the reference data the binary found.
    static func shippedMappingsDirectory() throws -> String {
        guard let reference = ReferenceData.defaultDirectory() else {
            throw UsageError(message: "cannot find the Mappings/ directory; pass --mappings DIR or set LIENTHONG_REFERENCE_DIR", verb: "demo")
        }
        return (reference as NSString).deletingLastPathComponent
    }

    struct DemoReport: Encodable {
        var generated: GenerationSummary
        var ingested: [FileIngestReport]
        var summary: DemoSummary
    }
}
