import Domain
import Storage

/// What `ExactResolver` reads for a group of mentions, looked up for the whole group at once: the mentions, the
/// entities they belong to, the entities their strong keys are bound to, and whether their founders' first ids are
/// taken. Keys bound and entities created while the group is resolved are noted here, so a later mention of the
/// group sees them as it would have seen them in the store.
struct ExactResolutionInputs {
    /// Mentions resolved per group: bounds what is held in memory at once.
    static let groupSize = 512

    private let mentions: [Int64: StoredMention]
    private let memberships: [Int64: String]
    private var owners: [EntityKind: [EntityKeyValue: String]] = [:]
    private var rows: [String: EntityRow]
    var minting: MintingBatch

    init(_ ids: [Int64], in transaction: any StoreTransaction) throws {
        let mentions = try transaction.mentions(ids: ids)
        let live = ids.compactMap { mentions[$0] }.filter { !$0.retired && $0.mention.key.kind != .person }
        self.mentions = mentions
        let memberships = try transaction.memberships(ofMentions: live.map(\.id))
        self.memberships = memberships
        var keys: [EntityKind: [EntityKeyValue]] = [:]
        for stored in live {
            guard let key = StrongKey(of: stored.mention) else { continue }
            keys[stored.mention.key.kind, default: []].append(EntityKeyValue(type: key.type, value: key.value))
        }
        for (kind, values) in keys { owners[kind] = try transaction.entityIDs(kind: kind, keys: values) }
        let rows = try transaction.entities(ids: owners.values.flatMap(\.values))
        self.rows = rows
        // The mentions that may found an entity: without a key and without an entity, or whose key has no active one.
        let owners = self.owners
        let founders = live.filter { stored in
            guard let key = StrongKey(of: stored.mention) else { return memberships[stored.id] == nil }
            let owner = owners[stored.mention.key.kind]?[EntityKeyValue(type: key.type, value: key.value)]
            return owner.flatMap { rows[$0]?.status } != .active
        }
        minting = try MintingBatch(founders: founders.map(\.mention.key), in: transaction)
    }

    func mention(_ id: Int64) -> StoredMention? { mentions[id] }

    /// The entity the mention belonged to before the group (only resolving the mention itself moves it).
    func entity(ofMention id: Int64) -> String? { memberships[id] }

    /// The entity `key` is bound to.
    func owner(kind: EntityKind, key: StrongKey) -> String? { owners[kind]?[EntityKeyValue(type: key.type, value: key.value)] }

    /// True when `entity` is active (asked of the store for an entity this group neither read nor created).
    func isActive(_ entity: String, in transaction: any StoreTransaction) throws -> Bool {
        if let row = rows[entity] { return row.status == .active }
        return try transaction.entity(id: entity)?.status == .active
    }

    mutating func bound(kind: EntityKind, key: StrongKey, to entity: String) {
        owners[kind, default: [:]][EntityKeyValue(type: key.type, value: key.value)] = entity
    }

    mutating func created(_ entity: String, kind: EntityKind) {
        rows[entity] = EntityRow(id: entity, kind: kind, status: .active, redirectTo: nil)
    }
}
