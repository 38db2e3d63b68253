import Domain
import Matching
import Storage

/// The person mentions one resolution pass re-clusters, with their features, current entities and constraints.
///
/// Incremental: the changed mentions, every mention sharing a blocking key with one of them, and — closed over
/// — every member of those mentions' entities and every partner of their steward constraints. Edges from the
/// region to mentions outside it were decided before and stay decided: a mention linked to a region mention is
/// in the same entity, hence in the region. Batch: every indexed person.
struct PersonRegion {
    /// Mention ids, ascending; a mention's local index is its position here.
    var ids: [Int64]
    var features: [PersonFeatures]
    /// The entity each region mention belongs to now.
    var memberships: [Int64: String]
    var constraints: [PairConstraint]

    static func batch(known: [Int64: PersonFeatures], rules: [BlockingRule], in transaction: any StoreTransaction) throws -> PersonRegion {
        var ids: [Int64] = []
        var features: [PersonFeatures] = []
        try transaction.forEachPersonIndexEntry { entry in
            ids.append(entry.mentionID)
            features.append(known[entry.mentionID] ?? PersonIndexing.features(entry))
        }
        let memberships = try transaction.memberships(kind: .person)
        var region = PersonRegion(ids: ids, features: features, memberships: memberships, constraints: [])
        let unindexed = Set(memberships.keys).subtracting(ids)
        if !unindexed.isEmpty { try region.add(unindexed, known: known, rules: rules, in: transaction) }
        region.constraints = try transaction.pairConstraints(touching: nil).filter {
            region.position($0.first) != nil && region.position($0.second) != nil
        }
        return region
    }

    static func incremental(known: [Int64: PersonFeatures], rules: [BlockingRule], in transaction: any StoreTransaction) throws
        -> PersonRegion
    {
        var members = Set(known.keys)
        let keys = known.values.flatMap { PersonIndexing.keys($0, rules: rules) }
        members.formUnion(try transaction.mentionIDs(sharing: keys))
        var memberships: [Int64: String] = [:]
        var constraints: Set<PairConstraint> = []
        var seenEntities: Set<String> = []
        var frontier = members
        while !frontier.isEmpty {
            let found = try transaction.memberships(ofMentions: Array(frontier))
            memberships.merge(found) { _, new in new }
            var next: Set<Int64> = []
            for entity in Set(found.values) where seenEntities.insert(entity).inserted {
                for member in try transaction.memberIDs(ofEntity: entity) where !members.contains(member) { next.insert(member) }
            }
            for constraint in try transaction.pairConstraints(touching: Array(frontier)) {
                constraints.insert(constraint)
                for mention in [constraint.first, constraint.second] where !members.contains(mention) { next.insert(mention) }
            }
            members.formUnion(next)
            frontier = next
        }
        var region = PersonRegion(ids: [], features: [], memberships: memberships, constraints: [])
        try region.add(members, known: known, rules: rules, in: transaction)
        region.constraints = constraints.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
        return region
    }

    /// Adds mentions with their features: from `known`, else the index, else (a mention resolved before it was
    /// indexed) from its stored body, indexing it on the way. A retired mention (reached through a steward
    /// constraint) has no index entry and is left out.
    private mutating func add(
        _ mentions: Set<Int64>, known: [Int64: PersonFeatures], rules: [BlockingRule], in transaction: any StoreTransaction
    ) throws {
        var byID: [Int64: PersonFeatures] = Dictionary(uniqueKeysWithValues: zip(ids, features))
        let missing = mentions.filter { byID[$0] == nil && known[$0] == nil }
        for entry in try transaction.personIndexEntries(mentionIDs: Array(missing)) {
            byID[entry.mentionID] = PersonIndexing.features(entry)
        }
        for id in mentions where byID[id] == nil {
            if let features = known[id] {
                byID[id] = features
            } else if let stored = try transaction.mention(id: id), !stored.retired, case .person(let person) = stored.mention.body {
                let features = PersonFeatures(person)
                try transaction.indexPerson(PersonIndexing.entry(mentionID: id, features: features), keys: PersonIndexing.keys(features, rules: rules))
                byID[id] = features
            }
        }
        ids = byID.keys.sorted()
        features = ids.map { byID[$0]! }
    }

    /// The local index of a mention, if it is in the region.
    func position(_ mentionID: Int64) -> Int? {
        var low = 0
        var high = ids.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if ids[middle] == mentionID { return middle }
            if ids[middle] < mentionID { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
