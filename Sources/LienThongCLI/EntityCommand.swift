import Domain
import Foundation
import Resolution
import Storage

enum EntityCommand {
    static let command = Command(
        name: "entity", summary: "an entity's golden record and history; steward merge, split and unlink",
        usage: "show ID | history ID | merge ID ID [--force] | split ID SOURCE:KEY... | unlink ID SOURCE:KEY  (--as NAME [--dry-run])",
        options: [.flag("--force", "merge: even across two different valid 12-digit numbers")] + StewardSupport.options + ResolverOptions.specs,
        examples: [
            "lienthong entity show P-3f2a9c0d1b4e5a67", "lienthong entity history P-3f2a9c0d1b4e5a67 --json",
            "lienthong entity merge P-3f2a9c0d1b4e5a67 P-77aa01c2d3e4f5a6 --as lan --dry-run",
            "lienthong entity split P-3f2a9c0d1b4e5a67 land:LD0000658 --as lan --reason 'another owner'",
            "lienthong entity unlink P-3f2a9c0d1b4e5a67 enterprise:2801205683 --as lan",
        ],
        details: """
            'show' follows a retired ID's redirect and prints the golden record (each field with the mention it came from)
            and the members. 'history' prints merges, splits, feed events and steward decisions. 'merge', 'split' and
            'unlink' are person-only steward decisions stored as constraints every later run honours; each applies at
            once, appends feed events and is recorded with actor and reason. --dry-run prints the plan and changes nothing.
            A merge across two different valid 12-digit numbers needs --force; a split that would leave an entity empty
            is refused (exit 1, nothing changed).
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let words = arguments.positionals
        guard let verb = words.first, words.count >= 2 else {
            throw UsageError(message: "expected show, history, merge, split or unlink with an entity ID", verb: "entity")
        }
        switch verb {
        case "show": return try show(words[1], context)
        case "history": return try history(words[1], context)
        case "merge", "split", "unlink": return try change(verb, words, arguments, context)
        default: throw UsageError(message: "unknown entity verb '\(verb)' (show, history, merge, split, unlink)", verb: "entity")
        }
    }

    struct Shown: Encodable {
        var requested: String
        var id: String
        var kind: String
        var status: String
        var golden: GoldenRecord?
        var members: [String]
    }

    static func show(_ requested: String, _ context: Context) throws -> Int32 {
        let shown: Shown? = try context.store().read { reader in
            guard var row = try reader.entity(id: requested) else { return nil }
            if let redirect = row.redirectTo, let target = try reader.entity(id: redirect) { row = target }
            let keys = try reader.mentionKeys(ids: try reader.memberIDs(ofEntity: row.id))
            return Shown(
                requested: requested, id: row.id, kind: row.kind.rawValue, status: row.status.rawValue,
                golden: try reader.goldenRecord(entityID: row.id), members: keys.values.map(\.description).sorted())
        }
        guard let shown else {
            context.console.error("lienthong entity: no entity \(requested)")
            return ExitCode.failure
        }
        if context.wantsJSON {
            try context.console.json(shown)
            return ExitCode.ok
        }
        let console = context.console
        if shown.id != requested { console.out("\(requested) was merged into \(shown.id)") }
        console.out("\(shown.id) (\(shown.kind), \(shown.status)), \(shown.members.count) mentions: \(shown.members.joined(separator: ", "))")
        if case .person(let person)? = shown.golden?.body {
            if let name = person.name { console.out("  name        \(name.value.full)   ← \(name.from)") }
            if let date = person.birthDate { console.out("  birth date  \(date.value)   ← \(date.from)") }
            if let sex = person.sex { console.out("  sex         \(sex.value.rawValue)   ← \(sex.from)") }
            for identifier in person.identifiers { console.out("  \(identifier.value.type.rawValue)  \(identifier.value.value)   ← \(identifier.from)") }
            for address in person.addresses { console.out("  address     \(address.value.text ?? "")   ← \(address.from)") }
            if let phone = person.phone { console.out("  phone       \(phone.value)   ← \(phone.from)") }
        }
        return ExitCode.ok
    }

    struct History: Encodable {
        var id: String
        var lineage: [LineageRecord]
        var events: [FeedEventLine]
        var decisions: [StewardDecision]

        struct FeedEventLine: Encodable {
            var sequence: Int64
            var time: String
            var type: String
        }
    }

    static func history(_ id: String, _ context: Context) throws -> Int32 {
        let history: History? = try context.store().read { reader in
            guard try reader.entity(id: id) != nil else { return nil }
            let events = try reader.feed(subject: id).map {
                History.FeedEventLine(sequence: $0.sequence, time: $0.time, type: $0.type.rawValue)
            }
            let members = Set(try reader.memberIDs(ofEntity: id).map { "\($0)=\(id)" })
            let decisions = try reader.decisions(limit: Int.max).filter { decision in
                !members.isDisjoint(with: decision.entitiesAfter) || decision.entitiesBefore.contains { $0.hasSuffix("=\(id)") }
            }
            return History(id: id, lineage: try reader.lineage(ofEntity: id), events: events, decisions: decisions)
        }
        guard let history else {
            context.console.error("lienthong entity: no entity \(id)")
            return ExitCode.failure
        }
        if context.wantsJSON {
            try context.console.json(history)
            return ExitCode.ok
        }
        for record in history.lineage {
            context.console.out("\(record.time)  \(record.kind.rawValue)  \(record.from) → \(record.to)  (\(record.mentions.count) mentions)")
        }
        for event in history.events { context.console.out("\(event.time)  feed #\(event.sequence)  \(event.type)") }
        for decision in history.decisions {
            context.console.out("\(decision.time)  decision #\(decision.id)  \(decision.action.rawValue) by \(decision.actor)" + (decision.reason.map { ": \($0)" } ?? ""))
        }
        return ExitCode.ok
    }

    static func change(_ verb: String, _ words: [String], _ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let actor = try StewardSupport.actor(arguments, context, verb: "entity")
        let steward = StewardActions(resolver: try context.resolver(), actor: actor)
        let reason = arguments.value("--reason")
        switch verb {
        case "merge":
            guard words.count == 3 else { throw UsageError(message: "merge expects two entity IDs", verb: "entity") }
            let force = arguments.has("--force")
            return try StewardSupport.apply(arguments, context) {
                try steward.merge(words[1], words[2], force: force, reason: reason, in: $0, at: Clock.now())
            }
        case "split":
            guard words.count >= 3 else { throw UsageError(message: "split expects an entity ID and the mentions to move", verb: "entity") }
            let moving = try context.store().read { reader in try words.dropFirst(2).map { try StewardSupport.mentionID($0, in: reader, verb: "entity") } }
            return try StewardSupport.apply(arguments, context) {
                try steward.split(words[1], moving: moving, reason: reason, in: $0, at: Clock.now())
            }
        default:
            guard words.count == 3 else { throw UsageError(message: "unlink expects an entity ID and one mention", verb: "entity") }
            let mention = try context.store().read { try StewardSupport.mentionID(words[2], in: $0, verb: "entity") }
            return try StewardSupport.apply(arguments, context) {
                try steward.unlink(words[1], mention: mention, reason: reason, in: $0, at: Clock.now())
            }
        }
    }
}
