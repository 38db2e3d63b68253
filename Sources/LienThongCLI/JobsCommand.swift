import Domain
import Foundation
import Resolution
import Storage

/// `lienthong jobs`: the daemon's sync jobs — their state, run history, a run now, pause and resume.
enum JobsCommand {
    static let command = Command(
        name: "jobs", summary: "sync jobs of a daemon configuration: list, run now, history, pause, resume",
        usage: "list --config FILE [--json] | run SOURCE --config FILE | history SOURCE [--limit N] [--json] | pause SOURCE | resume SOURCE",
        options: [
            .value("--config", "FILE", "the daemon configuration (list, run; its store is used unless --store is given)"),
            .value("--limit", "N", "history: at most N runs, newest first (default 20)"),
        ],
        examples: [
            "lienthong jobs list --config /etc/lienthong/lienthong.yaml", "lienthong jobs run land-hanoi --config /etc/lienthong/lienthong.yaml",
            "lienthong jobs history land-hanoi --limit 5", "lienthong jobs pause land-hanoi",
        ],
        details: """
            The state lives in the store, so these work while the daemon runs: a paused source is skipped by the
            scheduler from its next pass until resumed (a run in progress finishes). 'run' runs the source once in
            this process, now, whatever its schedule (concurrent with the daemon it is still applied once: inputs
            carry checksums and ETags). 'history' shows every run: start, end, status and counts (read = staged +
            quarantined), or the error.
            """,
        run: run)

    struct Row: Encodable {
        var name: String
        var registry: String
        var connector: String
        var schedule: String
        var paused: Bool
        var lastSlot: String?
        var failures: Int
        var retryAt: String?
        var nextSlot: String?
        var lastRun: JobRun?
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let action = arguments.positionals.first ?? ""
        var configuration: ServiceConfiguration?
        if let path = arguments.value("--config") {
            do {
                configuration = try ServiceConfigurationLoader.load(path: path)
            } catch {
                context.console.error(error.description)
                return ExitCode.failure
            }
            context.configuredStore = configuration?.store
            context.configuredStoreConnections = configuration?.storeConnections
        }
        let store = try context.store()
        switch action {
        case "list":
            guard let configuration else { throw UsageError(message: "list needs --config FILE", verb: "jobs") }
            let rows = try configuration.sources.map { source in
                let state = try store.read { try $0.jobState(name: source.name) } ?? JobState(name: source.name)
                let last = state.lastSlot.flatMap(Clock.date)
                return Row(
                    name: source.name, registry: source.registry, connector: source.connector.summary, schedule: source.schedule.description,
                    paused: state.paused, lastSlot: state.lastSlot, failures: state.failures, retryAt: state.retryAt,
                    nextSlot: source.schedule.due(lastScheduled: last, now: Date()).next.map(Clock.text),
                    lastRun: try store.read { try $0.jobRuns(source: source.name, limit: 1) }.first)
            }
            if context.wantsJSON { try context.console.json(rows) } else { rows.forEach { context.console.out(describe($0)) } }
        case "history":
            guard arguments.positionals.count == 2 else { throw UsageError(message: "expected history SOURCE", verb: "jobs") }
            let limit = try arguments.int("--limit", default: 20, verb: "jobs", range: 1...100_000)
            let runs = try store.read { try $0.jobRuns(source: arguments.positionals[1], limit: limit) }
            if context.wantsJSON { try context.console.json(runs) } else { runs.forEach { context.console.out(describe($0)) } }
        case "pause", "resume":
            guard arguments.positionals.count == 2 else { throw UsageError(message: "expected \(action) SOURCE", verb: "jobs") }
            let name = arguments.positionals[1]
            if let configuration, !configuration.sources.contains(where: { $0.name == name }) {
                throw UsageError(message: "no source '\(name)' in the configuration", verb: "jobs")
            }
            try store.write { transaction in
                // Without --config, only a job this store knows: a typo (or the wrong --store) must not "pause" nothing.
                if configuration == nil, try transaction.jobState(name: name) == nil, try transaction.jobRuns(source: name, limit: 1).isEmpty {
                    throw UsageError(message: "no job '\(name)' has run on this store; give --config FILE to name a new one", verb: "jobs")
                }
                var state = try transaction.jobState(name: name) ?? JobState(name: name)
                state.paused = action == "pause"
                try transaction.putJobState(state)
            }
            context.console.out("\(action == "pause" ? "paused" : "resumed") \(name)")
        case "run":
            guard arguments.positionals.count == 2 else { throw UsageError(message: "expected run SOURCE", verb: "jobs") }
            guard let configuration else { throw UsageError(message: "run needs --config FILE", verb: "jobs") }
            guard let source = configuration.sources.first(where: { $0.name == arguments.positionals[1] }) else {
                throw UsageError(message: "no source '\(arguments.positionals[1])' in the configuration", verb: "jobs")
            }
            // A daemon on the same PostgreSQL store may be running this job now: run it once, not twice at a time.
            guard let claim = try SourceClaim.claim(SourceClaim.names(of: source), in: store) else {
                context.console.error("\(source.name): another process is running this job now; run again later")
                return ExitCode.failure
            }
            defer { claim.release() }
            let reference = try context.reference()
            let resolver = try store.read { try Resolver.loading(settings: configuration.resolver, map: reference, from: $0) }
            switch SourceJob(source: source, store: store, reference: reference, resolver: resolver).run() {
            case .succeeded(let counts, let inputs, let rejected):
                context.console.out(
                    "\(source.name): \(inputs) input(s) applied, \(rejected) rejected; \(counts.read) read = \(counts.staged) staged + "
                        + "\(counts.quarantined) quarantined (\(counts.recordsUnchanged) records unchanged, not re-mapped); \(counts.mentionsChanged) mentions new/changed; \(counts.feedEvents) feed events"
                        + (source.snapshot == nil ? "" : "; \(counts.mentionsMissing) mentions missing from the snapshot, \(counts.mentionsRetired) retired"))
                return rejected > 0 ? ExitCode.failure : ExitCode.ok
            case .failed(let reason):
                context.console.error("\(source.name): failed: \(reason)")
                return ExitCode.failure
            case .waiting(_, let reason):
                context.console.error("\(source.name): \(reason); run again later")
                return ExitCode.failure
            case .cancelled:
                return ExitCode.failure
            }
        default:
            throw UsageError(message: "expected list, run, history, pause or resume", verb: "jobs")
        }
        return ExitCode.ok
    }

    static func describe(_ row: Row) -> String {
        var line = "\(row.name)  [\(row.registry)]  \(row.schedule)  \(row.paused ? "PAUSED" : "active")  next \(row.nextSlot ?? "-")"
        if row.failures > 0 { line += "  \(row.failures) failure(s), retry at \(row.retryAt ?? "-")" }
        if let run = row.lastRun { line += "\n    last run: \(describe(run))" }
        return line
    }

    static func describe(_ run: JobRun) -> String {
        var line = "#\(run.id) \(run.status)  \(run.startedAt) → \(run.finishedAt ?? "…")"
        if let c = run.counts, c.read > 0 || c.feedEvents > 0 {
            line += "  \(c.read) read = \(c.staged) staged + \(c.quarantined) quarantined, \(c.mentionsChanged) changed, \(c.feedEvents) events"
        }
        if let error = run.error { line += "  — \(error)" }
        return line
    }
}
