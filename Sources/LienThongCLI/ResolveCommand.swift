import Domain
import Resolution
import Storage

enum ResolveCommand {
    static let command = Command(
        name: "resolve", summary: "assign staged mentions to entities and refresh golden records",
        usage: "[--all]",
        options: [.flag("--all", "re-resolve every mention, not only those without an entity")],
        examples: ["lienthong resolve", "lienthong resolve --all --json"],
        details: """
            Links mentions that share a strong identifier (a valid 12-digit personal number, a parcel key, an
            enterprise code); every golden record that changes appends a feed event in the same transaction.
            """,
        run: run)

    struct Report: Encodable {
        var mentionsResolved: Int
        var entitiesCreated: Int
        var entitiesUpdated: Int
        var entitiesRetired: Int
        var feedEvents: Int
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let store = try context.store()
        let summary = try store.write { transaction in
            let ids = try transaction.mentionIDs(unresolvedOnly: !arguments.has("--all"))
            return try ExactResolver().resolve(mentionIDs: ids, in: transaction, at: Clock.now())
        }
        let report = Report(
            mentionsResolved: summary.mentionsResolved, entitiesCreated: summary.entitiesCreated,
            entitiesUpdated: summary.entitiesUpdated, entitiesRetired: summary.entitiesRetired, feedEvents: summary.feedEvents)
        if context.wantsJSON {
            try context.console.json(report)
        } else {
            context.console.out(
                "resolved \(report.mentionsResolved) mentions: \(report.entitiesCreated) entities created, "
                    + "\(report.entitiesUpdated) updated, \(report.entitiesRetired) retired, \(report.feedEvents) feed events")
        }
        return ExitCode.ok
    }
}
