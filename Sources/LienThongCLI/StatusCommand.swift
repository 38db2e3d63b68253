import Storage

enum StatusCommand {
    static let command = Command(
        name: "status", summary: "show what the store holds: mentions, entities, links, quarantine, feed head",
        usage: "", options: [], examples: ["lienthong status --store sqlite:out/demo.db --json"], run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let store = try context.store()
        let summary = try store.read { try $0.summary() }
        if context.wantsJSON {
            try context.console.json(summary)
        } else {
            context.console.out("schema version \(store.schemaVersion)")
            for (kind, count) in summary.mentionsByKind.sorted(by: { $0.key < $1.key }) {
                context.console.out("\(kind): \(count) mentions, \(summary.entitiesByKind[kind] ?? 0) entities")
            }
            context.console.out("links: \(summary.links)\nquarantined: \(summary.quarantined)\nfeed head: \(summary.feedHead)")
        }
        return ExitCode.ok
    }
}
