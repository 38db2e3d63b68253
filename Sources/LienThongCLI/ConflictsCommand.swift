import Domain
import Foundation
import Resolution
import Storage

enum ConflictsCommand {
    static let command = Command(
        name: "conflicts", summary: "the steward review queue: list, show side by side, decide",
        usage: "list [--type T] [--status S] [--province P] [--commune C] [--older-than DURATION] | show ID [--blind] | decide ID --link|--no-link|--choose SOURCE:KEY:FIELD --as NAME",
        options: ReviewQueue.options + [
            .value("--status", "S", "list: open (default), decided, superseded or all"),
            .flag("--blind", "list, show: hide match probabilities and weights (unbiased labelling)"),
            .flag("--link", "decide: the two mentions are the same person (a must-link every run honours)"),
            .flag("--no-link", "decide: they are different people (a never-link every run honours)"),
            .value("--choose", "SOURCE:KEY:FIELD", "decide: this mention's value of FIELD (name, birthDate, sex, phone) wins"),
        ] + StewardSupport.options + ResolverOptions.specs,
        examples: [
            "lienthong conflicts list", "lienthong conflicts list --type identifier --province 26 --json",
            "lienthong conflicts list --older-than 7d",
            "lienthong conflicts show 12", "lienthong conflicts decide 12 --link --as lan --reason 'same CCCD photo'",
            "lienthong conflicts decide 13 --no-link --as lan --dry-run",
        ],
        details: """
            Items name mentions, not entities, so an item still makes sense after merges: 'show' prints each mention's
            current entity. 'list' prints the queue oldest first with counts by type. 'decide' applies at once
            (golden records recomputed, feed events appended), stores the decision as a constraint every later run
            honours, and records it in the audit trail ('lienthong audit decisions'). Deciding an item twice is an
            error (exit 1) and changes nothing.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        switch arguments.positionals.first {
        case "list": return try list(arguments, context)
        case "show": return try show(try itemID(arguments), blind: arguments.has("--blind"), context)
        case "decide": return try decide(try itemID(arguments), arguments, context)
        default: throw UsageError(message: "expected list, show ID or decide ID", verb: "conflicts")
        }
    }

    static func itemID(_ arguments: ParsedArguments) throws -> Int64 {
        guard arguments.positionals.count == 2, let id = Int64(arguments.positionals[1]) else {
            throw UsageError(message: "expected a review item number after '\(arguments.positionals.first ?? "")'", verb: "conflicts")
        }
        return id
    }

    struct Row: Encodable {
        var id: Int64
        var type: String
        var status: String
        var probability: Double?
        var createdAt: String
        var first: String
        var second: String
        var entities: [String?]
    }

    static func list(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let queue = try ReviewQueue(arguments, verb: "conflicts")
        let blind = arguments.has("--blind")
        let rows: [Row] = try context.store().read { reader in
            try queue.items(in: reader).map { item in
                let keys = try reader.mentionKeys(ids: [item.first, item.second])
                let memberships = try reader.memberships(ofMentions: [item.first, item.second])
                return Row(
                    id: item.id, type: item.type.rawValue, status: item.status.rawValue, probability: blind || item.type == .value ? nil : item.probability,
                    createdAt: item.createdAt, first: keys[item.first]?.description ?? "#\(item.first)",
                    second: keys[item.second]?.description ?? "#\(item.second)", entities: [memberships[item.first], memberships[item.second]])
            }
        }
        let statusName = queue.statusName
        if context.wantsJSON {
            try context.console.json(rows)
            return ExitCode.ok
        }
        let counts = Dictionary(grouping: rows, by: \.type).mapValues(\.count)
        context.console.out(
            "\(rows.count) \(statusName) items: " + ReviewType.allCases.map { "\(counts[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        for row in rows {
            let type = row.type.padding(toLength: 10, withPad: " ", startingAt: 0)
            context.console.out(
                String(format: "%6lld  ", row.id) + type + (row.probability.map { String(format: "  p=%.4f  ", $0) } ?? "  ")
                    + "\(row.createdAt)  \(row.first)  ↔  \(row.second)")
        }
        return ExitCode.ok
    }

    static func show(_ id: Int64, blind: Bool, _ context: Context) throws -> Int32 {
        let loaded = try context.store().read { try ReviewItemView.load(id: id, from: $0) }
        guard let shown = blind ? loaded?.blinded : loaded else {
            context.console.error("lienthong conflicts: no review item \(id)")
            return ExitCode.failure
        }
        if context.wantsJSON {
            try context.console.json(shown)
        } else {
            shown.print(to: context.console, highlight: isatty(1) == 1 && context.environment["NO_COLOR"] == nil)
        }
        return ExitCode.ok
    }

    static func decide(_ id: Int64, _ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let actor = try StewardSupport.actor(arguments, context, verb: "conflicts")
        let chosen = [arguments.has("--link"), arguments.has("--no-link"), arguments.value("--choose") != nil].filter { $0 }.count
        guard chosen == 1 else { throw UsageError(message: "give exactly one of --link, --no-link, --choose SOURCE:KEY:FIELD", verb: "conflicts") }
        let steward = StewardActions(resolver: try context.resolver(), actor: actor)
        let reason = arguments.value("--reason")
        if let choice = arguments.value("--choose") {
            guard let colon = choice.lastIndex(of: ":") else { throw UsageError(message: "--choose expects SOURCE:KEY:FIELD", verb: "conflicts") }
            let field = String(choice[choice.index(after: colon)...])
            let mention = try context.store().read { try StewardSupport.mentionID(String(choice[..<colon]), in: $0, verb: "conflicts") }
            return try StewardSupport.apply(arguments, context) {
                try steward.choose(mention: mention, field: field, item: id, reason: reason, in: $0, at: Clock.now())
            }
        }
        let link = arguments.has("--link")
        return try StewardSupport.apply(arguments, context) {
            try steward.decide(item: id, link: link, reason: reason, in: $0, at: Clock.now())
        }
    }
}
