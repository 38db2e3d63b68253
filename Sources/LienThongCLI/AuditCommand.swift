import Storage

enum AuditCommand {
    static let command = Command(
        name: "audit", summary: "the audit trail of steward decisions",
        usage: "decisions [--json]",
        options: [],
        examples: ["lienthong audit decisions", "lienthong audit decisions --json > decisions.json"],
        details: "Every decision, oldest first: actor, time, action, reason, the review item, and each mention's entity before and after.",
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals == ["decisions"] else { throw UsageError(message: "expected 'decisions'", verb: "audit") }
        let decisions = try context.store().read { try $0.decisions(limit: Int.max) }
        if context.wantsJSON {
            try context.console.json(decisions)
            return ExitCode.ok
        }
        for d in decisions {
            context.console.out(
                "#\(d.id)  \(d.time)  \(d.actor)  \(d.action.rawValue)" + (d.reviewItem.map { "  item \($0)" } ?? "") + "  \(d.detail)"
                    + (d.reason.map { "  — \($0)" } ?? ""))
            context.console.out("    before \(d.entitiesBefore.joined(separator: " "))")
            context.console.out("    after  \(d.entitiesAfter.joined(separator: " "))")
        }
        return ExitCode.ok
    }
}
