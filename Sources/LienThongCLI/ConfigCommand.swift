import Domain
import Foundation

/// `lienthong config check FILE`: every error of a daemon configuration (and of the mappings it names) at once.
enum ConfigCommand {
    static let command = Command(
        name: "config", summary: "check a daemon configuration file and the mappings it names",
        usage: "check FILE",
        options: [],
        examples: ["lienthong config check /etc/lienthong/lienthong.yaml", "lienthong config check deploy/lienthong.yaml"],
        details: """
            Reports every problem as file:line:col: error: … (exit 1 if any), including unknown keys (with the nearest
            valid name), bad schedules (the column of the bad cron field), connectors, encodings, and errors in the
            mapping files. Prints a summary of the sources and their next scheduled runs when the file is valid.
            The daemon reads the same file with the same checks at start and on SIGHUP.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.count == 2, arguments.positionals[0] == "check" else {
            throw UsageError(message: "expected check FILE", verb: "config")
        }
        let path = arguments.positionals[1]
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfigurationLoader.load(path: path)
        } catch {
            context.console.error(error.description)
            context.console.error("\(path): \(error.lines.count) error(s)")
            return ExitCode.failure
        }
        context.console.out("\(path): ok — store \(configuration.store ?? "(from --store / LIENTHONG_STORE)"), listen \(configuration.listen)")
        let now = Date()
        for source in configuration.sources {
            let next = source.schedule.due(lastScheduled: now, now: now).next.map(Clock.text) ?? "never"
            let mode = source.snapshot.map { " (snapshot, tombstones \($0.tombstones.rawValue) up to \(SnapshotPolicy.percent($0.limit)))" } ?? ""
            context.console.out(
                "  \(source.name) [\(source.registry)] \(source.connector.summary)\(mode) — \(source.schedule); next slot \(next)")
        }
        return ExitCode.ok
    }
}

extension SourceConfiguration.Connector {
    /// One line for listings: `file /srv/…`, `drop /srv/… (*.csv)`, `url https://…`.
    var summary: String {
        switch self {
        case .file(let path): return "file \(path)"
        case .dropFolder(let directory, let glob, _, _): return "drop \(directory)" + (glob.map { " (\($0))" } ?? "")
        case .http(let url, _): return "url \(url)"
        }
    }
}
