import Domain
import Foundation
import Resolution
import Storage

/// `lienthong review`: walks the open queue one item at a time; each answer is applied at once.
enum ReviewCommand {
    static let command = Command(
        name: "review", summary: "walk the review queue interactively: y link, n distinct, u skip, e explain, q quit",
        usage: "[--type T] [--province P] [--commune C] [--older-than DURATION] [--blind] --as NAME",
        options: ReviewQueue.options + [
            .flag("--blind", "hide match probabilities and weights while deciding ('e' still shows them on request)")
        ] + StewardSupport.options + ResolverOptions.specs,
        examples: [
            "lienthong review --as lan", "lienthong review --type identifier --province 26 --blind --as lan",
            "printf 'y\\nn\\nq\\n' | lienthong review --as lan   # scripted: one answer per line, no prompts",
        ],
        details: """
            Shows each open item side by side (oldest first) and reads one answer:
              y  match items: the same person (must-link); value items: keep the value survivorship chose
              n  match items: different people (never-link); value items: the other mention's value wins
              u  skip this item for now        e  show the match score with every weight        q  quit
            Each answer is applied at once in its own transaction (golden records recomputed, feed events appended,
            the decision audited) and stored as a constraint every later run honours. When stdin is not a terminal
            nothing is prompted: answers are read one per line and the walk ends at end of input.
            """,
        run: run)

    enum Answer: String {
        case yes = "y", no = "n", skip = "u", explain = "e", quit = "q"
    }

    struct Tally {
        var decided = 0
        var skipped = 0
        var failed = 0
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.isEmpty else { throw UsageError(message: "review takes no positional arguments", verb: "review") }
        let actor = try StewardSupport.actor(arguments, context, verb: "review")
        let queue = try ReviewQueue(arguments, verb: "review")
        guard queue.status == .open else { throw UsageError(message: "review walks open items only", verb: "review") }
        let interactive = isatty(0) == 1
        let highlight = isatty(1) == 1 && context.environment["NO_COLOR"] == nil
        let steward = StewardActions(resolver: try context.resolver(), actor: actor)
        let store = try context.store()
        let ids = try store.read { try queue.items(in: $0).map(\.id) }
        context.console.out("\(ids.count) open items to review" + (arguments.has("--blind") ? " (blind: scores hidden)" : ""))
        var tally = Tally()
        walk: for id in ids {
            // An earlier answer may have settled this item (its re-resolution supersedes what no longer applies).
            guard let view = try store.read({ reader -> ReviewItemView? in
                guard try reader.reviewItem(id: id)?.status == .open else { return nil }
                return try ReviewItemView.load(id: id, from: reader)
            }) else { continue }
            context.console.out("")
            (arguments.has("--blind") ? view.blinded : view).print(to: context.console, highlight: highlight)
            while true {
                if interactive { context.console.prompt("\n[y]es same / [n]o distinct / [u] skip / [e]xplain / [q]uit > ") }
                context.console.flush()
                guard let line = readLine(strippingNewline: true) else { break walk }
                guard let answer = Answer(rawValue: line.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    context.console.error("lienthong review: answer y, n, u, e or q (got '\(line)')")
                    continue
                }
                switch answer {
                case .quit: break walk
                case .skip: tally.skipped += 1
                case .explain:
                    view.print(to: context.console, highlight: highlight)
                    continue
                case .yes, .no:
                    let result = try decide(view, same: answer == .yes, steward: steward, arguments, context)
                    if result == ExitCode.ok { tally.decided += 1 } else { tally.failed += 1 }
                }
                break
            }
        }
        context.console.out("")
        context.console.out("reviewed: \(tally.decided) decided, \(tally.skipped) skipped" + (tally.failed > 0 ? ", \(tally.failed) refused" : ""))
        return tally.failed > 0 ? ExitCode.failure : ExitCode.ok
    }

    /// Applies one answer in its own transaction (printing the outcome as `conflicts decide` does).
    static func decide(_ view: ReviewItemView, same: Bool, steward: StewardActions, _ arguments: ParsedArguments, _ context: Context)
        throws -> Int32
    {
        let reason = arguments.value("--reason")
        guard let conflict = view.valueConflict else {
            return try StewardSupport.apply(arguments, context) {
                try steward.decide(item: view.id, link: same, reason: reason, in: $0, at: Clock.now())
            }
        }
        // A value item: y keeps the winner's values, n makes the other mention's values win, field by field.
        return try StewardSupport.apply(arguments, context) { transaction in
            let pair = try transaction.reviewItem(id: view.id).map { [$0.first, $0.second] } ?? []
            guard let chosen = same ? conflict.winner : pair.first(where: { $0 != conflict.winner }) else {
                throw StewardError.unknownReviewItem(view.id)
            }
            var decision: StewardDecision?
            for (index, field) in conflict.fields.enumerated() {
                decision = try steward.choose(
                    mention: chosen, field: field.field, item: index == 0 ? view.id : nil, reason: reason, in: transaction, at: Clock.now())
            }
            guard let decision else { throw StewardError.unknownReviewItem(view.id) }
            return decision
        }
    }
}
