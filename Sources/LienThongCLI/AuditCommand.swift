import QueryAPI
import Storage

enum AuditCommand {
    static let command = Command(
        name: "audit", summary: "the audit trails: steward decisions, and the hash chain of personal reads",
        usage: "decisions [--json] | verify [--json]",
        options: [],
        examples: ["lienthong audit decisions", "lienthong audit decisions --json > decisions.json", "lienthong audit verify"],
        details: """
            decisions: every decision, oldest first: actor, time, action, reason, the review item, and each mention's
            entity before and after. verify: recomputes the access log's hash chain (every API read of a personal
            record); exit 1 and the first broken entry when an entry was removed or edited.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        if arguments.positionals == ["verify"] { return try verify(context) }
        guard arguments.positionals == ["decisions"] else { throw UsageError(message: "expected 'decisions' or 'verify'", verb: "audit") }
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

    static func verify(_ context: Context) throws -> Int32 {
        let result = try context.store().read { try AccessAudit.verify(in: $0) }
        if context.wantsJSON {
            try context.console.json(result)
        } else if let broken = result.firstBrokenSequence {
            context.console.out("access log BROKEN at entry \(broken): \(result.problem ?? "") (\(result.entries) entries read)")
        } else {
            context.console.out("access log intact: \(result.entries) entries, hash chain verified")
        }
        return result.intact ? ExitCode.ok : ExitCode.failure
    }
}
