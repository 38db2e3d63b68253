import Domain
import Mapping
import Storage

enum IngestCommand {
    static let command = Command(
        name: "ingest", summary: "read registry files through a mapping into the store, then resolve",
        usage: "--mapping FILE [--no-resolve] INPUT...",
        options: [
            .value("--mapping", "FILE", "mapping file (Mappings/*.yaml) describing the input layout"),
            .flag("--no-resolve", "stage mentions only; run 'lienthong resolve' later"),
        ],
        examples: [
            "lienthong ingest --mapping Mappings/population.yaml out/population.xml",
            "lienthong ingest --mapping Mappings/land.yaml --store sqlite:/var/lib/lienthong/store.db land-*.csv",
        ],
        details: """
            Each file is applied in one transaction: a file that cannot be decoded is rejected whole (nothing applied,
            the reason with file:line:col on stderr, exit 1); records that fail mapping are quarantined with every
            reason and the rest goes on. Re-ingesting an unchanged file changes nothing.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let mappingPath = try arguments.required("--mapping", verb: "ingest")
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "no INPUT files given", verb: "ingest") }
        let mapping = try MappingLoader.load(path: mappingPath)
        let pipeline = IngestPipeline(
            mapping: mapping, reference: try context.reference(), store: try context.store(),
            resolve: !arguments.has("--no-resolve"))
        var reports: [FileIngestReport] = []
        for file in arguments.positionals {
            let report = try pipeline.ingest(file: file) { context.console.progress("\(file): \($0) records") }
            context.console.endProgress()
            reports.append(report)
            if let rejected = report.rejected { context.console.error("rejected: \(rejected)") }
        }
        if context.wantsJSON {
            try context.console.json(reports)
        } else {
            for report in reports { context.console.out(describe(report)) }
        }
        return reports.contains { $0.rejected != nil } ? ExitCode.failure : ExitCode.ok
    }

    static func describe(_ report: FileIngestReport) -> String {
        if report.rejected != nil { return "\(report.file): rejected (nothing applied)" }
        let c = report.counts
        return "\(report.file) [\(report.source), \(report.encoding ?? "?")]: \(c.read) read = \(c.staged) staged + "
            + "\(c.quarantined) quarantined; mentions \(c.mentionsChanged) new/changed, \(c.mentionsUnchanged) unchanged; "
            + "\(c.feedEvents) feed events"
    }
}
