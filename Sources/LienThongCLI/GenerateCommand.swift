import Foundation
import Synthesis

enum GenerateCommand {
    static let command = Command(
        name: "generate", summary: "write deterministic synthetic registries (population, land, enterprise, legacy commune)",
        usage: "--persons N --seed S --out DIR",
        options: [
            .value("--persons", "N", "number of synthetic persons (1 to 10,000,000)"),
            .value("--seed", "S", "random seed: the same N and S give byte-identical files"),
            .value("--out", "DIR", "output directory (created if missing)"),
        ],
        examples: ["lienthong generate --persons 10000 --seed 7 --out out/sample"],
        details: """
            Writes population.xml, land.csv, enterprise.json, commune_legacy.csv (TCVN3) and truth.csv
            (source,source_record_key,person_uid for every person mention). Layouts: docs/sample-registries.md.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let persons = try arguments.int("--persons", default: -1, verb: "generate", range: 1...10_000_000)
        guard persons > 0 else { throw UsageError(message: "missing required option --persons", verb: "generate") }
        let seedText = try arguments.required("--seed", verb: "generate")
        guard let seed = UInt64(seedText) else {
            throw UsageError(message: "--seed expects a non-negative whole number, got '\(seedText)'", verb: "generate")
        }
        let out = try arguments.required("--out", verb: "generate")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let summary = try RegistryGenerator(persons: persons, seed: seed, reference: try context.reference()).write(to: out)
        if context.wantsJSON {
            try context.console.json(summary)
        } else {
            context.console.out(
                "generated \(summary.persons) persons in \(out): population \(summary.population), land \(summary.land), "
                    + "enterprises \(summary.enterprises), commune_legacy \(summary.communeLegacy), truth rows \(summary.truthRows)")
        }
        return ExitCode.ok
    }
}
