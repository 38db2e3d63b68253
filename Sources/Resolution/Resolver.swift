import Domain
import Matching
import Storage

/// The whole resolver: persons probabilistically (`PersonResolver`), parcels and enterprises on their strong keys
/// (`ExactResolver`). The model is the store's active one unless given.
public struct Resolver: Sendable {
    public var persons: PersonResolver
    public var exact: ExactResolver

    /// `map` places entities on the 2025 map for the query API's jurisdiction scopes.
    public init(settings: ResolverSettings = ResolverSettings(), model: FellegiSunterModel = .defaults, map: (any AdministrativeMap)? = nil) {
        persons = PersonResolver(settings: settings, model: model, publisher: GoldenPublisher(map: map))
        exact = ExactResolver(publisher: GoldenPublisher(map: map))
    }

    /// A resolver with the store's active model (the hand-set defaults when none was trained).
    public static func loading(
        settings: ResolverSettings = ResolverSettings(), map: (any AdministrativeMap)? = nil, from reader: any StoreReader
    ) throws -> Resolver {
        Resolver(settings: settings, model: try MatchModels.active(in: reader), map: map)
    }

    /// Indexes a staged person mention (other kinds need no index).
    public func index(_ stored: StoredMention, in transaction: any StoreTransaction) throws {
        try persons.index(stored, in: transaction)
    }

    /// Resolves new or changed mentions of every kind; `batch` re-clusters every person.
    public func resolve(
        changed ids: [Int64], batch: Bool = false, anchors: Set<Int64> = [], in transaction: any StoreTransaction, at time: String
    ) throws -> ResolutionSummary {
        // Route by kind once, from the keys (no body is decoded here): each resolver decodes only its own mentions.
        let kinds = try transaction.mentionKeys(ids: ids).mapValues(\.kind)
        let personIDs = ids.filter { kinds[$0] == .person }
        var summary = try persons.resolve(changed: personIDs, batch: batch, anchors: anchors, in: transaction, at: time)
        let other = try exact.resolve(mentionIDs: ids.filter { kinds[$0] != nil && kinds[$0] != .person }, in: transaction, at: time)
        summary.mentionsResolved += other.mentionsResolved
        summary.entitiesCreated += other.entitiesCreated
        summary.entitiesUpdated += other.entitiesUpdated
        summary.entitiesRetired += other.entitiesRetired
        summary.feedEvents += other.feedEvents
        return summary
    }
}
