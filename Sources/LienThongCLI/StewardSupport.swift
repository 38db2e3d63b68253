import Domain
import Foundation
import Resolution
import Storage

/// What the steward verbs share: who the steward is, mention names, the dry-run rollback, and the printed outcome.
enum StewardSupport {
    static let options: [OptionSpec] = [
        .value("--as", "NAME", "the steward deciding (else $LIENTHONG_STEWARD); required"),
        .value("--reason", "TEXT", "why, kept in the audit trail"),
        .flag("--dry-run", "print what would change (entities, feed events) and change nothing"),
    ]

    /// `--as`, else `$LIENTHONG_STEWARD`; a decision without a steward is a usage error.
    static func actor(_ arguments: ParsedArguments, _ context: Context, verb: String) throws -> String {
        let name = arguments.value("--as") ?? context.environment["LIENTHONG_STEWARD"]
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError(message: "who is deciding? give --as NAME or set LIENTHONG_STEWARD", verb: verb)
        }
        return name
    }

    /// `SOURCE:KEY` → the stored person mention's id.
    static func mentionID(_ text: String, in reader: any StoreReader, verb: String) throws -> Int64 {
        let key = try ExplainCommand.mentionKey(text)
        guard let stored = try reader.mention(key: key) else { throw UsageError(message: "no person mention \(text) in the store", verb: verb) }
        guard !stored.retired else {
            throw UsageError(message: "the mention \(text) is retired: the last snapshot of its source left it out", verb: verb)
        }
        return stored.id
    }

    /// Thrown to roll a dry run back after computing its outcome.
    struct DryRun: Error {
        var outcome: Outcome
    }

    /// A decision and the feed events it appended.
    struct Outcome: Encodable {
        var dryRun: Bool
        var decision: StewardDecision
        var events: [Event]

        struct Event: Encodable {
            var sequence: Int64
            var type: String
            var subject: String
        }
    }

    /// Runs `action` in one write transaction; with `--dry-run` rolls it back and reports what it would have done.
    static func apply(
        _ arguments: ParsedArguments, _ context: Context, action: @escaping (any StoreTransaction) throws -> StewardDecision
    ) throws -> Int32 {
        let store = try context.store()
        let dryRun = arguments.has("--dry-run")
        let outcome: Outcome
        do {
            outcome = try store.write { transaction in
                let head = try transaction.summary().feedHead
                let decision = try action(transaction)
                let events = try transaction.feed(after: head, limit: Int.max).map {
                    Outcome.Event(sequence: $0.sequence, type: $0.type.rawValue, subject: $0.subject)
                }
                let outcome = Outcome(dryRun: dryRun, decision: decision, events: events)
                if dryRun { throw DryRun(outcome: outcome) }
                return outcome
            }
        } catch let rollback as DryRun {
            outcome = rollback.outcome
        } catch let error as StewardError {
            context.console.error("lienthong: \(error.description); nothing was changed")
            return ExitCode.failure
        }
        if context.wantsJSON {
            try context.console.json(outcome)
        } else {
            print(outcome, to: context.console)
        }
        return ExitCode.ok
    }

    static func print(_ outcome: Outcome, to console: Console) {
        let d = outcome.decision
        console.out(
            (outcome.dryRun ? "dry run — nothing was changed. Would record: " : "recorded decision \(d.id): ")
                + "\(d.action.rawValue) by \(d.actor)" + (d.reason.map { " (\($0))" } ?? "") + " — \(d.detail)")
        for (before, after) in zip(d.entitiesBefore, d.entitiesAfter) {
            let mention = before.split(separator: "=").first.map(String.init) ?? ""
            let from = before.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            let to = after.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            console.out("  mention #\(mention): \(from.isEmpty ? "-" : from)" + (from == to ? " (unchanged)" : " → \(to)"))
        }
        console.out("  feed events: " + (outcome.events.isEmpty ? "none" : outcome.events.map { "\($0.type) \($0.subject)" }.joined(separator: ", ")))
    }
}
