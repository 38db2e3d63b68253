import Domain
import Foundation
import Storage

/// The `lienthong` command line: parses the verb, runs it, maps errors to exit codes.
public enum LienThong {
    static let version = "0.1.0"

    static var commands: [Command] {
        [
            DemoCommand.command, GenerateCommand.command, IngestCommand.command, ResolveCommand.command,
            ExplainCommand.command, ModelCommand.command, ConflictsCommand.command, ReviewCommand.command, EntityCommand.command, AuditCommand.command,
            FeedCommand.command, ExportCommand.command, ReportCommand.command, ServeCommand.command, KeysCommand.command, WebhooksCommand.command, ConfigCommand.command, JobsCommand.command, DecodeCommand.command,
            NormalizeCommand.command,
            MappingCommand.command, QuarantineCommand.command, StatusCommand.command, BenchCommand.command,
        ]
    }

    /// Runs one invocation (`arguments` without the program name) and returns the exit code.
    public static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        let console = Console()
        defer { console.flush() }
        guard let verb = arguments.first, !verb.hasPrefix("-") || verb == "--help" || verb == "-h" || verb == "--version"
        else {
            if arguments.isEmpty {
                console.error(overview())
                return ExitCode.usage
            }
            console.error("lienthong: expected a verb first, got '\(arguments[0])'\nRun 'lienthong --help' for the verbs.")
            return ExitCode.usage
        }
        if verb == "--help" || verb == "-h" || verb == "help" {
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.out(command.help())
            } else {
                console.out(overview())
            }
            return ExitCode.ok
        }
        if verb == "--version" {
            console.out("lienthong \(version)")
            return ExitCode.ok
        }
        guard let command = commands.first(where: { $0.name == verb }) else {
            let hint = Suggestion.nearest(to: verb, in: commands.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
            console.error("lienthong: unknown verb '\(verb)'\(hint)\nRun 'lienthong --help' for the verbs.")
            return ExitCode.usage
        }
        do {
            let parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), options: command.options, verb: verb)
            if parsed.has("--help") {
                console.out(command.help())
                return ExitCode.ok
            }
            let context = Context(console: console, arguments: parsed, environment: environment)
            return try command.run(parsed, context)
        } catch let error as UsageError {
            console.error("lienthong \(verb): \(error.message)\nRun 'lienthong \(verb) --help' for usage.")
            return ExitCode.usage
        } catch let error as DiagnosticList {
            console.error(error.description)
            return ExitCode.failure
        } catch {
            console.error("lienthong \(verb): \(error)")
            return ExitCode.failure
        }
    }

    static func overview() -> String {
        var text = """
            lienthong \(version) — data interoperability gateway for population, land and enterprise registries

            Usage: lienthong <verb> [options]      lienthong <verb> --help

            Verbs:

            """
        let width = commands.map(\.name.count).max() ?? 0
        for command in commands {
            text += "  " + command.name + String(repeating: " ", count: width - command.name.count + 2) + command.summary + "\n"
        }
        text += """

            Global options: --store URL (sqlite:PATH, default sqlite:lienthong.db; env LIENTHONG_STORE), --json, --help
            Exit codes: 0 ok, 1 failure, 2 usage error. Diagnostics go to stderr, results to stdout.
            Start here: lienthong demo --persons 2000 --seed 42
            """
        return text
    }
}
