import Domain
import Matching
import Storage

/// The whole resolver: persons probabilistically (`PersonResolver`), parcels and enterprises on their strong keys
/// (`ExactResolver`). The model is the store's active one unless given.
public struct Resolver: Sendable {
    public var persons: PersonResolver
    public var exact: ExactResolver

    /// `map` places entities on the 2025 map for the query API's jurisdiction scopes. A model that carries blocking
    /// rules replaces those of `settings`.
    public init(settings: ResolverSettings = ResolverSettings(), model: FellegiSunterModel = .defaults, map: (any AdministrativeMap)? = nil) {
        var settings = settings
        if let rules = model.blockingRules { settings.blockingRules = rules }
        persons = PersonResolver(settings: settings, model: model, publisher: GoldenPublisher(map: map))
        exact = ExactResolver(publisher: GoldenPublisher(map: map))
    }

    /// A resolver with the store's active model (the hand-set defaults when none was trained).
    public static func loading(
        settings: ResolverSettings = ResolverSettings(), map: (any AdministrativeMap)? = nil, from reader: any StoreReader
    ) throws -> Resolver {
        Resolver(settings: settings, model: try MatchModels.active(in: reader), map: map)
    }

    /// Checks that the resolver's model is still the active one and brings the stored blocking keys in line with the
    /// rules in use (`PersonResolver.prepareIndex`); call in a write transaction before indexing mentions, so a first
    /// load indexes under the current rules without a rebuild. Throws `ResolutionError.modelChanged` otherwise.
    public func prepareIndex(in transaction: any StoreTransaction) throws {
        try persons.prepareIndex(in: transaction)
    }

    /// Records the rules in use as complete after every live mention was indexed again (`resolve --all`), instead of
    /// `prepareIndex` building their keys from the index first and the re-indexing writing them all again.
    public func markIndexComplete(in transaction: any StoreTransaction) throws {
        try PersonIndexing.markKeysComplete(rules: persons.settings.blockingRules, in: transaction)
    }

    /// Indexes a staged person mention (other kinds need no index).
    public func index(_ stored: StoredMention, in transaction: any StoreTransaction) throws {
        try persons.index(stored, in: transaction)
    }

    /// Resolves new or changed mentions of every kind; `batch` re-clusters every person.
    ///
    /// `retired` are live mentions a full snapshot no longer contains: each is tombstoned first (`retireMention`), its open
    /// review items are superseded, and what is left of its entity is resolved again with the changed mentions — a
    /// person entity that lost the mention holding it together splits, an entity left without members is retired
    /// (`entity.retired`), the others get a new golden record.
    public func resolve(
        changed ids: [Int64], retired: [Int64] = [], batch: Bool = false, anchors: Set<Int64> = [], in transaction: any StoreTransaction,
        at time: String
    ) throws -> ResolutionSummary {
        var summary = ResolutionSummary()
        var ids = ids
        var emptied: [String] = []
        if !retired.isEmpty {
            let left = try retire(retired, in: transaction, at: time, summary: &summary)
            let known = Set(ids)
            ids += left.mentions.filter { !known.contains($0) }
            emptied = left.emptiedEntities
        }
        // Route by kind once, from the keys (no body is decoded here): each resolver decodes only its own mentions.
        let kinds = try transaction.mentionKeys(ids: ids).mapValues(\.kind)
        let personIDs = ids.filter { kinds[$0] == .person }
        summary.add(try persons.resolve(changed: personIDs, batch: batch, anchors: anchors, in: transaction, at: time))
        summary.add(try exact.resolve(mentionIDs: ids.filter { kinds[$0] != nil && kinds[$0] != .person }, in: transaction, at: time))
        try persons.publisher.refresh(entityIDs: emptied, in: transaction, at: time, summary: &summary)
        return summary
    }

    /// Tombstones `ids`; returns the live mentions to resolve again (the other members of their entities and the
    /// mentions they were linked with) and the entities left without a member.
    private func retire(_ ids: [Int64], in transaction: any StoreTransaction, at time: String, summary: inout ResolutionSummary)
        throws -> (mentions: [Int64], emptiedEntities: [String])
    {
        let memberships = try transaction.memberships(ofMentions: ids)
        for item in try transaction.openReviewItems(touching: ids) {
            try transaction.setReviewStatus(id: item.id, status: .superseded, at: time)
            summary.reviewItemsSuperseded += 1
        }
        var again: [Int64] = []
        var seen = Set(ids)
        summary.mentionsRetired = 0
        for id in ids {
            guard let linked = try transaction.retireMention(id: id, at: time) else { continue }
            summary.mentionsRetired += 1
            for other in linked where seen.insert(other).inserted { again.append(other) }
        }
        var emptied: [String] = []
        var entities: Set<String> = []
        for id in ids {
            guard let entity = memberships[id], entities.insert(entity).inserted else { continue }
            let members = try transaction.memberIDs(ofEntity: entity)
            if members.isEmpty { emptied.append(entity) }
            for member in members where seen.insert(member).inserted { again.append(member) }
        }
        return (again, emptied)
    }
}
