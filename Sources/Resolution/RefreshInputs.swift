import Domain
import Storage

/// What refreshing a group of entities reads (`GoldenPublisher.refresh(entityIDs:)`), looked up for the whole group
/// at once: a batch of lookups per kind of row, one round trip each on PostgreSQL, instead of several per entity.
///
/// Refreshing one entity writes nothing another entity's refresh reads (its own golden record, places, search names
/// and the value review items between its own members), so inputs read ahead stay true through the group — but for
/// a value item left between two entities by a split, which the first of them supersedes (`noteSuperseded`).
struct RefreshInputs {
    /// Entities refreshed per group: bounds the members held in memory at once.
    static let groupSize = 512

    private var entities: [String: EntityRow]
    private var members: [String: [StoredMention]]
    private var goldenJSON: [String: String]
    private var indexEntries: [String: EntityIndexEntries]
    /// Value choices by mention id (persons only).
    private var choices: [Int64: [ValueChoice]] = [:]
    /// Links stated by a person member, by the member's key (for the parcels a person owns).
    private var linksFrom: [MentionKey: [MentionLink]] = [:]
    /// The parcels those links point at.
    private(set) var ownedParcels: [MentionKey: StoredMention] = [:]
    /// Open review items by the mentions they are between (persons only).
    private var openItems: [Int64: [ReviewItem]] = [:]
    /// Items of `openItems` a refresh of the group has superseded since.
    private var superseded: Set<Int64> = []

    init(_ ids: [String], in transaction: any StoreTransaction) throws {
        let entities = try transaction.entities(ids: ids)
        let active = ids.filter { entities[$0]?.status == .active }
        let members = try transaction.members(ofEntities: active)
        self.entities = entities
        self.members = members
        goldenJSON = try transaction.goldenRecordJSON(entityIDs: active)
        indexEntries = try transaction.indexEntries(ofEntities: active)
        let persons = active.filter { entities[$0]?.kind == .person }.flatMap { members[$0] ?? [] }.map(\.id)
        guard !persons.isEmpty else { return }
        for choice in try transaction.valueChoices(ofMentions: persons) { choices[choice.mentionID, default: []].append(choice) }
        for link in try transaction.links(ofMentions: persons) { linksFrom[link.from, default: []].append(link) }
        ownedParcels = try transaction.mentions(keys: linksFrom.values.joined().filter { $0.type == .ownsParcel }.map(\.to))
        for item in try transaction.openReviewItems(touching: persons) {
            openItems[item.first, default: []].append(item)
            if item.second != item.first { openItems[item.second, default: []].append(item) }
        }
    }

    func entity(_ id: String) -> EntityRow? { entities[id] }

    /// The entity's live members, by ascending mention id.
    func members(of id: String) -> [StoredMention] { members[id] ?? [] }

    func goldenJSON(of id: String) -> String? { goldenJSON[id] }

    /// The entity's places and search entry as they are before its refresh.
    func indexEntries(of id: String) -> EntityIndexEntries? { indexEntries[id] }

    /// The value choices of `members`, by ascending mention id (as `valueChoices(ofMentions:)` gives them).
    func choices(of members: [StoredMention]) -> [ValueChoice] {
        Set(members.map(\.id)).sorted().flatMap { choices[$0] ?? [] }
    }

    /// The links stated by `members`.
    func links(from members: [StoredMention]) -> [MentionLink] {
        members.flatMap { linksFrom[$0.mention.key] ?? [] }
    }

    /// The open review items touching `members`, each once, by ascending id (as `openReviewItems(touching:)`).
    func openItems(touching members: [StoredMention]) -> [ReviewItem] {
        var seen = superseded
        return members.flatMap { openItems[$0.id] ?? [] }.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    /// Review items a refresh has superseded: no longer open for the refreshes after it.
    mutating func noteSuperseded(_ ids: [Int64]) { superseded.formUnion(ids) }
}
