import Domain
import Foundation
import Storage

/// Recomputes golden records and appends a feed event for each one that changed, in the caller's transaction.
public struct GoldenPublisher: Sendable {
    public var survivorship: Survivorship
    /// Places entities on the 2025 map for jurisdiction scopes (parcels on the old map go through its crosswalk).
    public var map: (any AdministrativeMap)?

    public init(survivorship: Survivorship = Survivorship(), map: (any AdministrativeMap)? = nil) {
        self.survivorship = survivorship
        self.map = map
    }

    /// Recomputes one entity's golden record; appends `entity.created`, `entity.updated` or `entity.retired`
    /// when (and only when) it changed. A retired entity is left alone.
    public func refresh(entityID: String, in transaction: any StoreTransaction, at time: String, summary: inout ResolutionSummary)
        throws
    {
        try refresh(entityIDs: [entityID], in: transaction, at: time, summary: &summary)
    }

    /// `refresh(entityID:)` of each entity once, in order, with what the refreshes read looked up a group at a time
    /// (`RefreshInputs`).
    public func refresh(entityIDs ids: [String], in transaction: any StoreTransaction, at time: String, summary: inout ResolutionSummary)
        throws
    {
        for group in distinctGroups(ids, size: RefreshInputs.groupSize) {
            var inputs = try RefreshInputs(group, in: transaction)
            for entityID in group { try refresh(entityID, &inputs, in: transaction, at: time, summary: &summary) }
        }
    }

    private func refresh(
        _ entityID: String, _ inputs: inout RefreshInputs, in transaction: any StoreTransaction, at time: String, summary: inout ResolutionSummary
    ) throws {
        guard let entity = inputs.entity(entityID), entity.status == .active else { return }
        let members = inputs.members(of: entityID)
        let previous = inputs.goldenJSON(of: entityID)
        let choices = entity.kind == .person ? inputs.choices(of: members) : []
        guard let golden = survivorship.golden(entityID: entityID, members: members, choices: choices) else {
            try transaction.retireEntity(id: entityID, redirectTo: nil, at: time)
            try transaction.unbindKeys(ofEntity: entityID)
            try transaction.deleteGoldenRecord(entityID: entityID)
            try EntityIndexing(map: map).remove(entityID: entityID, kind: entity.kind, current: inputs.indexEntries(of: entityID), in: transaction)
            try transaction.appendFeedEvent(
                type: .entityRetired, subject: entityID, kind: entity.kind, data: #"{"entityID":"\#(entityID)"}"#, at: time)
            summary.entitiesRetired += 1
            summary.feedEvents += 1
            return
        }
        try EntityIndexing(map: map).update(
            golden, members: members, links: inputs.links(from: members), parcels: inputs.ownedParcels, current: inputs.indexEntries(of: entityID),
            in: transaction)
        if case .person(let person) = golden.body {
            inputs.noteSuperseded(
                try raiseValueItems(
                    person, members: members, choices: choices, openItems: inputs.openItems(touching: members), in: transaction, at: time,
                    summary: &summary))
        }
        let json = try FeedPayload.json(golden)
        guard json != previous else { return }
        try transaction.putGoldenRecord(golden, json: json, at: time)
        try transaction.appendFeedEvent(
            type: previous == nil ? .entityCreated : .entityUpdated, subject: entityID, kind: entity.kind, data: json, at: time)
        if previous != nil { summary.entitiesUpdated += 1 }
        summary.feedEvents += 1
    }

    /// Opens (or refreshes) a `value` item for each disagreement survivorship settled by rule alone, and supersedes
    /// the open value items of these members (`openItems`, read before) it no longer raises; returns those.
    func raiseValueItems(
        _ golden: GoldenPerson, members: [StoredMention], choices: [ValueChoice], openItems: [ReviewItem],
        in transaction: any StoreTransaction, at time: String, summary: inout ResolutionSummary
    ) throws -> [Int64] {
        var raised: Set<Int64> = []
        var superseded: [Int64] = []
        for item in ValueConflicts.detect(golden: golden, members: members, choices: choices) {
            let detail = try CanonicalJSON.string(ValueConflicts.Detail(winner: item.winner, fields: item.fields))
            if let id = try transaction.raiseReviewItem(
                type: .value, first: item.winner, second: item.dissenter, probability: 1, detail: detail, at: time)
            {
                raised.insert(id)
                summary.valueConflicts += 1
            }
        }
        for item in openItems where item.type == .value && !raised.contains(item.id) {
            try transaction.setReviewStatus(id: item.id, status: .superseded, at: time)
            summary.reviewItemsSuperseded += 1
            superseded.append(item.id)
        }
        return superseded
    }

    /// Retires `entityID` into `survivor`: redirect, lineage and an `entity.merged` event.
    func merge(_ entityID: String, into survivor: String, mentions: [Int64], in transaction: any StoreTransaction, at time: String)
        throws
    {
        try transaction.retireEntity(id: entityID, redirectTo: survivor, at: time)
        try transaction.unbindKeys(ofEntity: entityID)
        try transaction.deleteGoldenRecord(entityID: entityID)
        try EntityIndexing(map: map).remove(entityID: entityID, kind: .person, in: transaction)
        try transaction.recordLineage(LineageRecord(kind: .merge, from: entityID, to: survivor, mentions: mentions, time: time))
        try transaction.appendFeedEvent(
            type: .entityMerged, subject: entityID, kind: .person, data: try LineageEvent(from: entityID, to: survivor, mentions: mentions.count).json(),
            at: time)
    }

    /// Records that `newEntity` was split off `entityID`: lineage and an `entity.split` event.
    func split(_ entityID: String, into newEntity: String, mentions: [Int64], in transaction: any StoreTransaction, at time: String)
        throws
    {
        try transaction.recordLineage(LineageRecord(kind: .split, from: entityID, to: newEntity, mentions: mentions, time: time))
        try transaction.appendFeedEvent(
            type: .entitySplit, subject: entityID, kind: .person,
            data: try LineageEvent(from: entityID, to: newEntity, mentions: mentions.count).json(), at: time)
    }
}

/// The data of `entity.merged` and `entity.split` events: which entity, into which, and how many mentions moved.
struct LineageEvent: Codable {
    var from: String
    var to: String
    var mentions: Int

    func json() throws -> String {
        return try CanonicalJSON.string(self)
    }
}
