import Publication
import Storage

enum FeedCommand {
    static let command = Command(
        name: "feed", summary: "print feed events after a sequence number as JSON lines (CloudEvents)",
        usage: "[--after SEQ] [--limit N]",
        options: [
            .value("--after", "SEQ", "print events with sequence > SEQ (default 0)"),
            .value("--limit", "N", "at most N events (default 100, max 100000)"),
        ],
        examples: ["lienthong feed --after 0 --limit 10", "lienthong feed --after 1200 --limit 500 > batch.jsonl"],
        details: "Resume by passing the last sequence you processed as --after. Events are totally ordered and gap-free.",
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let after = try arguments.int("--after", default: 0, verb: "feed")
        let limit = try arguments.int("--limit", default: 100, verb: "feed", range: 1...100_000)
        let events = try context.store().read { try $0.feed(after: Int64(after), limit: limit) }
        let encoder = CloudEventEncoder()
        for event in events { context.console.out(encoder.jsonLine(event)) }
        return ExitCode.ok
    }
}
