import Domain
import Storage

enum QuarantineCommand {
    static let command = Command(
        name: "quarantine", summary: "list records kept in quarantine with their location and every reason",
        usage: "list [--source NAME] [--limit N]",
        options: [
            .value("--source", "NAME", "only this source"),
            .value("--limit", "N", "at most N records (default 50)"),
        ],
        examples: ["lienthong quarantine list --source land --limit 5", "lienthong quarantine list --json"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals == ["list"] else {
            throw UsageError(message: "expected 'list'", verb: "quarantine")
        }
        let limit = try arguments.int("--limit", default: 50, verb: "quarantine", range: 1...1_000_000)
        let records = try context.store().read { try $0.quarantined(source: arguments.value("--source"), limit: limit) }
        if context.wantsJSON {
            try context.console.json(records)
            return ExitCode.ok
        }
        for record in records {
            context.console.out("#\(record.id) [\(record.source)] \(record.location)")
            for reason in record.reasons {
                context.console.out("    \(reason.severity.rawValue): \(reason.field.map { "\($0): " } ?? "")\(reason.message) [\(reason.rule)]")
            }
        }
        if records.isEmpty { context.console.out("no quarantined records") }
        return ExitCode.ok
    }
}
