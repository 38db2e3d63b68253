import Domain
import Storage

/// A steward request that cannot be carried out; nothing was changed.
public enum StewardError: Error, CustomStringConvertible, Sendable, Equatable {
    case unknownReviewItem(Int64)
    case alreadyDecided(Int64)
    case unknownEntity(String)
    case retiredEntity(String, redirectTo: String?)
    case notAPersonEntity(String)
    case notAMember(mention: String, entity: String)
    case splitWouldEmpty(String)
    case differentPersonalNumbers(String, String, [String])
    case unknownField(String)
    case noChoice(mention: String, field: String)
    case valueItemNeedsChoice(Int64)
    case notInItem(mention: Int64, item: Int64)
    case retiredMention(Int64)

    public var description: String {
        switch self {
        case .unknownReviewItem(let id): return "no review item \(id) (see 'lienthong conflicts list')"
        case .alreadyDecided(let id): return "review item \(id) was already decided (see 'lienthong audit decisions')"
        case .unknownEntity(let id): return "no entity \(id)"
        case .retiredEntity(let id, let to):
            return "entity \(id) is retired" + (to.map { "; it was merged into \($0)" } ?? "")
        case .notAPersonEntity(let id): return "entity \(id) is not a person; only person entities are merged and split by stewards"
        case .notAMember(let mention, let entity): return "mention \(mention) is not in entity \(entity)"
        case .splitWouldEmpty(let id): return "the split would leave entity \(id) empty: keep at least one mention, move at least one"
        case .differentPersonalNumbers(let a, let b, let numbers):
            return "entities \(a) and \(b) carry different valid 12-digit numbers (\(numbers.joined(separator: ", "))); use --force to merge anyway"
        case .unknownField(let field):
            return "unknown field '\(field)' (choose one of \(Survivorship.choosableFields.joined(separator: ", ")))"
        case .noChoice(let mention, let field): return "no chosen value for \(mention):\(field)"
        case .valueItemNeedsChoice(let id):
            return "review item \(id) is a value conflict: settle it with --choose SOURCE:KEY:FIELD (the mention whose value is right)"
        case .notInItem(let mention, let item): return "mention #\(mention) is not one of the two mentions of review item \(item)"
        case .retiredMention(let id):
            return "mention #\(id) is retired (the last snapshot of its source left it out); it is resolved again when its record returns"
        }
    }
}

/// What stewards do, each as one change applied at once: constraints stored so every later run honours them,
/// the affected region re-resolved (golden records recomputed, feed events appended), and the decision recorded
/// with actor, time, reason and the entities before and after. Callers run each in one write transaction.
public struct StewardActions: Sendable {
    public var resolver: Resolver
    public var actor: String

    public init(resolver: Resolver, actor: String) {
        self.resolver = resolver
        self.actor = actor
    }

    /// `--link` / `--no-link` on a match or identifier review item.
    public func decide(item id: Int64, link: Bool, reason: String?, in transaction: any StoreTransaction, at time: String) throws
        -> StewardDecision
    {
        guard let item = try transaction.reviewItem(id: id) else { throw StewardError.unknownReviewItem(id) }
        guard item.status != .decided else { throw StewardError.alreadyDecided(id) }
        guard item.type != .value else { throw StewardError.valueItemNeedsChoice(id) }
        let pair = [item.first, item.second]
        for mention in pair where try transaction.mention(id: mention)?.retired == true { throw StewardError.retiredMention(mention) }
        let before = try entities(of: pair, in: transaction)
        if link {
            let sides = try transaction.memberships(ofMentions: pair)
            let left = try sides[item.first].map { try transaction.memberIDs(ofEntity: $0) } ?? [item.first]
            let right = try sides[item.second].map { try transaction.memberIDs(ofEntity: $0) } ?? [item.second]
            try together(left, right, reason: reason, in: transaction, at: time)
        }
        try transaction.putPairConstraint(
            PairConstraint(item.first, item.second, kind: link ? .mustLink : .neverLink, actor: actor, reason: reason, createdAt: time))
        try transaction.setReviewStatus(id: id, status: .decided, at: time)
        _ = try resolver.resolve(changed: pair, in: transaction, at: time)
        return try record(
            link ? .link : .noLink, item: id, mentions: pair, before: before, reason: reason,
            detail: "\(item.type.rawValue) item, p=\(item.probability)", in: transaction, at: time)
    }

    /// `--choose MENTION:FIELD`: that mention's value of the field wins survivorship until cleared.
    public func choose(mention: Int64, field: String, item: Int64?, reason: String?, in transaction: any StoreTransaction, at time: String)
        throws -> StewardDecision
    {
        guard Survivorship.choosableFields.contains(field) else { throw StewardError.unknownField(field) }
        if let item {
            guard let reviewItem = try transaction.reviewItem(id: item) else { throw StewardError.unknownReviewItem(item) }
            guard reviewItem.status != .decided else { throw StewardError.alreadyDecided(item) }
            guard mention == reviewItem.first || mention == reviewItem.second else { throw StewardError.notInItem(mention: mention, item: item) }
            try transaction.setReviewStatus(id: item, status: .decided, at: time)
        }
        let before = try entities(of: [mention], in: transaction)
        try transaction.putValueChoice(ValueChoice(mentionID: mention, field: field, actor: actor, time: time))
        try refresh(mentions: [mention], in: transaction, at: time)
        return try record(.choose, item: item, mentions: [mention], before: before, reason: reason, detail: "field \(field)", in: transaction, at: time)
    }

    /// Clears a value choice; survivorship's own rules apply again.
    public func clearChoice(mention: Int64, label: String, field: String, reason: String?, in transaction: any StoreTransaction, at time: String)
        throws -> StewardDecision
    {
        guard try transaction.clearValueChoice(mentionID: mention, field: field) else { throw StewardError.noChoice(mention: label, field: field) }
        let before = try entities(of: [mention], in: transaction)
        try refresh(mentions: [mention], in: transaction, at: time)
        return try record(.clearChoice, item: nil, mentions: [mention], before: before, reason: reason, detail: "field \(field)", in: transaction, at: time)
    }

    /// Merges two person entities: a must-link between them, honoured by every later run.
    public func merge(_ a: String, _ b: String, force: Bool, reason: String?, in transaction: any StoreTransaction, at time: String)
        throws -> StewardDecision
    {
        let first = try activePerson(a, in: transaction)
        let second = try activePerson(b, in: transaction)
        let numbers = Set(try transaction.personIndexEntries(mentionIDs: first + second).compactMap(\.personalNumber))
        let firstNumbers = Set(try transaction.personIndexEntries(mentionIDs: first).compactMap(\.personalNumber))
        if !force, numbers.count > 1, !firstNumbers.isEmpty, firstNumbers != numbers {
            throw StewardError.differentPersonalNumbers(a, b, numbers.sorted())
        }
        let mentions = first + second
        let before = try entities(of: mentions, in: transaction)
        try together(first, second, reason: reason, in: transaction, at: time)
        try transaction.putPairConstraint(PairConstraint(first[0], second[0], kind: .mustLink, actor: actor, reason: reason, createdAt: time))
        _ = try resolver.resolve(changed: mentions, in: transaction, at: time)
        return try record(.merge, item: nil, mentions: mentions, before: before, reason: reason, detail: "merge \(a) + \(b)", in: transaction, at: time)
    }

    /// Splits the given mentions off an entity into a new one: never-links between the two parts, must-links within
    /// each, so the split holds in every later run.
    public func split(_ entity: String, moving: [Int64], reason: String?, in transaction: any StoreTransaction, at time: String) throws
        -> StewardDecision
    {
        let members = try activePerson(entity, in: transaction)
        let moving = Array(Set(moving)).sorted()
        for mention in moving where !members.contains(mention) {
            throw StewardError.notAMember(mention: try label(mention, in: transaction), entity: entity)
        }
        let staying = members.filter { !moving.contains($0) }
        guard !moving.isEmpty, !staying.isEmpty else { throw StewardError.splitWouldEmpty(entity) }
        let before = try entities(of: members, in: transaction)
        for part in [moving, staying] {
            for (a, b) in zip(part, part.dropFirst()) {
                try transaction.putPairConstraint(PairConstraint(a, b, kind: .mustLink, actor: actor, reason: reason, createdAt: time))
            }
        }
        try apart(moving, staying, reason: reason, in: transaction, at: time)
        _ = try resolver.resolve(changed: members, anchors: Set(staying), in: transaction, at: time)
        return try record(.split, item: nil, mentions: members, before: before, reason: reason, detail: "split \(moving.count) of \(members.count) off \(entity)", in: transaction, at: time)
    }

    /// Takes one mention out of its entity: never-linked to every other member; the others stay by their own evidence.
    public func unlink(_ entity: String, mention: Int64, reason: String?, in transaction: any StoreTransaction, at time: String) throws
        -> StewardDecision
    {
        let members = try activePerson(entity, in: transaction)
        guard members.contains(mention) else { throw StewardError.notAMember(mention: try label(mention, in: transaction), entity: entity) }
        let others = members.filter { $0 != mention }
        guard !others.isEmpty else { throw StewardError.splitWouldEmpty(entity) }
        let before = try entities(of: members, in: transaction)
        try apart([mention], others, reason: reason, in: transaction, at: time)
        _ = try resolver.resolve(changed: members, anchors: Set(others), in: transaction, at: time)
        return try record(.unlink, item: nil, mentions: members, before: before, reason: reason, detail: "unlink from \(entity)", in: transaction, at: time)
    }

    // MARK: - Helpers

    /// The latest decision wins: earlier never-links between the two sides become must-links, so joining them is not
    /// silently refused.
    private func together(_ left: [Int64], _ right: [Int64], reason: String?, in transaction: any StoreTransaction, at time: String) throws {
        let rightSet = Set(right)
        for constraint in try transaction.pairConstraints(touching: left) where constraint.kind == .neverLink {
            let other = left.contains(constraint.first) ? constraint.second : constraint.first
            guard rightSet.contains(other) else { continue }
            try transaction.putPairConstraint(
                PairConstraint(constraint.first, constraint.second, kind: .mustLink, actor: actor, reason: reason, createdAt: time))
        }
    }

    private func apart(_ left: [Int64], _ right: [Int64], reason: String?, in transaction: any StoreTransaction, at time: String) throws {
        for a in left {
            for b in right {
                try transaction.putPairConstraint(PairConstraint(a, b, kind: .neverLink, actor: actor, reason: reason, createdAt: time))
            }
        }
    }

    /// The member ids of an active person entity, or a clear error.
    private func activePerson(_ id: String, in transaction: any StoreTransaction) throws -> [Int64] {
        guard let row = try transaction.entity(id: id) else { throw StewardError.unknownEntity(id) }
        guard row.status == .active else { throw StewardError.retiredEntity(id, redirectTo: row.redirectTo) }
        guard row.kind == .person else { throw StewardError.notAPersonEntity(id) }
        return try transaction.memberIDs(ofEntity: id)
    }

    private func refresh(mentions: [Int64], in transaction: any StoreTransaction, at time: String) throws {
        var summary = ResolutionSummary()
        try resolver.persons.publisher.refresh(
            entityIDs: Set(try transaction.memberships(ofMentions: mentions).values).sorted(), in: transaction, at: time, summary: &summary)
    }

    private func entities(of mentions: [Int64], in transaction: any StoreTransaction) throws -> [String] {
        let memberships = try transaction.memberships(ofMentions: mentions)
        return mentions.map { "\($0)=\(memberships[$0] ?? "")" }
    }

    private func label(_ mention: Int64, in transaction: any StoreTransaction) throws -> String {
        try transaction.mentionKeys(ids: [mention])[mention]?.description ?? "#\(mention)"
    }

    private func record(
        _ action: StewardDecision.Action, item: Int64?, mentions: [Int64], before: [String], reason: String?, detail: String,
        in transaction: any StoreTransaction, at time: String
    ) throws -> StewardDecision {
        var decision = StewardDecision(
            actor: actor, time: time, action: action, reviewItem: item, mentions: mentions, reason: reason, entitiesBefore: before,
            entitiesAfter: try entities(of: mentions, in: transaction), detail: detail)
        decision.id = try transaction.recordDecision(decision)
        return decision
    }
}
