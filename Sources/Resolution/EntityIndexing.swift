import Domain
import Storage

/// Keeps the query API's view of an entity current whenever its golden record is recomputed: the 2025 communes
/// it is in (a current address, or a parcel it owns — what jurisdiction scopes filter on) and the folded names
/// search finds it by.
struct EntityIndexing: Sendable {
    var map: (any AdministrativeMap)?

    /// `links`: the links the members state (a person's owned parcels place it), with `parcels` the mentions they
    /// point at as read before (the store is asked for any other); `current`: the entity's index entries as they are
    /// (nil: the store reads them).
    func update(
        _ golden: GoldenRecord, members: [StoredMention], links: [MentionLink], parcels: [MentionKey: StoredMention],
        current: EntityIndexEntries?, in transaction: any StoreTransaction
    ) throws {
        var places: [String: String?] = [:]
        func add(_ more: [String: String?]) { places.merge(more) { old, new in old ?? new } }
        var names: [String] = []
        var exact = ""
        var birthYear: Int?
        switch golden.body {
        case .person(let person):
            add(Places.of(person.addresses.map(\.value), map: map))
            let keys = Set(members.map(\.mention.key))
            for link in links where link.type == .ownsParcel && keys.contains(link.from) {
                guard let parcel = try parcels[link.to] ?? transaction.mention(key: link.to), case .parcel(let record) = parcel.mention.body
                else { continue }
                add(Places.of(record, map: map))
            }
            for stored in members {
                if case .person(let record) = stored.mention.body, let name = record.name { names.append(name.folded) }
            }
            exact = person.name?.value.folded ?? ""
            birthYear = person.birthDate?.value.year
        case .parcel(let parcel):
            add(Places.of(parcel.value, map: map))
        case .enterprise(let enterprise):
            add(Places.of(enterprise.value.address.map { [$0] } ?? [], map: map))
            for stored in members {
                if case .enterprise(let record) = stored.mention.body { names.append(TextFolding.fold(record.name)) }
            }
            exact = TextFolding.fold(enterprise.value.name)
        }
        let placed = places.map { EntityPlace(communeCode: $0.key, provinceCode: ($0.value ?? map?.province(of2025Commune: $0.key)) ?? "") }
        try transaction.setPlaces(ofEntity: golden.entityID, placed.sorted { $0.communeCode < $1.communeCode }, current: current)
        var seen: Set<String> = []
        try transaction.setSearchNames(
            ofEntity: golden.entityID, kind: golden.body.kind, names: names.filter { !$0.isEmpty && seen.insert($0).inserted },
            exactName: exact, birthYear: birthYear, current: current)
    }

    /// A retired entity leaves search; its places stay, so its last events remain visible in scoped feeds.
    func remove(entityID: String, kind: EntityKind, current: EntityIndexEntries? = nil, in transaction: any StoreTransaction) throws {
        try transaction.setSearchNames(ofEntity: entityID, kind: kind, names: [], exactName: "", birthYear: nil, current: current)
    }
}
