import Domain
import Mapping
import Storage

/// `lienthong quarantine`: records kept out of the store, why, and re-driving them once a mapping is fixed.
enum QuarantineCommand {
    static let command = Command(
        name: "quarantine", summary: "list, show and retry records kept in quarantine with their location and every reason",
        usage: "list [--source NAME] [--limit N] [--all] | show ID | retry --mapping FILE [--source NAME] [ID...]",
        options: [
            .value("--source", "NAME", "list, retry: only this source"),
            .value("--limit", "N", "list: at most N records (default 50); retry: at most N (default all)"),
            .flag("--all", "list: also records already retried, and those a newer snapshot of their source superseded"),
            .value("--mapping", "FILE", "retry: the (fixed) mapping to run the records through"),
        ] + ResolverOptions.specs,
        examples: [
            "lienthong quarantine list --source land --limit 5", "lienthong quarantine show 42",
            "lienthong quarantine retry --mapping Mappings/land.yaml", "lienthong quarantine retry --mapping Mappings/land.yaml 42 43",
        ],
        details: """
            retry runs open quarantined records of the mapping's source (all, or the IDs given) through the mapping
            again, without their files: those that now map are staged and resolved in one transaction and marked
            'retried'; the others stay open with the reasons this mapping gives. Records that could not be decoded
            at all (a malformed CSV row, broken XML) cannot be retried: ingest a corrected file. Exit 1 when some
            records still fail.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let store = try context.store()
        switch arguments.positionals.first {
        case "list":
            let limit = try arguments.int("--limit", default: 50, verb: "quarantine", range: 1...1_000_000)
            let records = try store.read {
                try $0.quarantined(source: arguments.value("--source"), includeRetried: arguments.has("--all"), limit: limit)
            }
            if context.wantsJSON {
                try context.console.json(records)
                return ExitCode.ok
            }
            for record in records { describe(record, context.console) }
            if records.isEmpty { context.console.out("no quarantined records") }
        case "show":
            guard arguments.positionals.count == 2, let id = Int64(arguments.positionals[1]) else {
                throw UsageError(message: "expected show ID", verb: "quarantine")
            }
            guard let record = try store.read({ try $0.quarantinedRecord(id: id) }) else {
                context.console.error("lienthong quarantine: no quarantined record \(id)")
                return ExitCode.failure
            }
            if context.wantsJSON {
                try context.console.json(record)
                return ExitCode.ok
            }
            describe(record, context.console)
            context.console.out("raw:\n\(record.rawText)")
            context.console.out("decoded: \(record.recordJSON ?? "(not decodable: cannot be retried; send a corrected file)")")
        case "retry":
            let mapping = try MappingLoader.load(path: try arguments.required("--mapping", verb: "quarantine"))
            let ids = try arguments.positionals.dropFirst().map { text -> Int64 in
                guard let id = Int64(text) else { throw UsageError(message: "'\(text)' is not a quarantine ID", verb: "quarantine") }
                return id
            }
            let limit = try arguments.int("--limit", default: Int(Int32.max), verb: "quarantine", range: 1...Int(Int32.max))
            let records = try store.read { reader in
                ids.isEmpty
                    ? try reader.quarantined(source: arguments.value("--source") ?? mapping.source, includeRetried: false, limit: limit)
                    : try ids.map { id in
                        guard let record = try reader.quarantinedRecord(id: id) else {
                            throw UsageError(message: "no quarantined record \(id)", verb: "quarantine")
                        }
                        return record
                    }
            }
            let pipeline = IngestPipeline(mapping: mapping, reference: try context.reference(), store: store, resolver: try context.resolver())
            let report = try pipeline.retry(records.filter { $0.status == "open" })
            if context.wantsJSON {
                try context.console.json(report)
            } else {
                context.console.out(
                    "\(report.staged.count) staged (marked retried), \(report.stillFailing.count) still failing, "
                        + "\(report.notRetryable.count) not retryable (undecodable), \(report.otherSource.count) of another source; "
                        + report.unreadable.map { "record \($0.id) unreadable: \($0.error); " }.joined()
                        + "\(report.counts.mentionsChanged) mentions new/changed, \(report.counts.feedEvents) feed events")
            }
            return report.stillFailing.isEmpty && report.notRetryable.isEmpty && report.unreadable.isEmpty ? ExitCode.ok : ExitCode.failure
        default:
            throw UsageError(message: "expected list, show or retry", verb: "quarantine")
        }
        return ExitCode.ok
    }

    static func describe(_ record: QuarantinedRecord, _ console: Console) {
        console.out("#\(record.id) [\(record.source)] \(record.location)\(record.status == "open" ? "" : "  (\(record.status))")")
        for reason in record.reasons {
            console.out("    \(reason.severity.rawValue): \(reason.field.map { "\($0): " } ?? "")\(reason.message) [\(reason.rule)]")
        }
    }
}
