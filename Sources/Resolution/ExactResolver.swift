import Domain
import Foundation
import Storage

/// What one resolution pass changed.
public struct ResolutionSummary: Hashable, Sendable {
    public var mentionsResolved = 0
    public var entitiesCreated = 0
    public var entitiesUpdated = 0
    public var entitiesRetired = 0
    public var feedEvents = 0

    public init() {}
}

/// Deterministic resolution on strong keys (the first slice of the resolver): mentions that share a valid
/// 12-digit personal number, a parcel key or an enterprise code join one entity; others stay singletons.
/// Golden records are recomputed only for entities whose membership or members changed, and a feed event is
/// appended in the caller's transaction for every golden record that actually changed.
public struct ExactResolver: Sendable {
    public var survivorship: Survivorship

    public init(survivorship: Survivorship = Survivorship()) {
        self.survivorship = survivorship
    }

    /// Resolves the given (new or changed) mentions inside `transaction`.
    public func resolve(mentionIDs: [Int64], in transaction: any StoreTransaction, at time: String) throws -> ResolutionSummary {
        var summary = ResolutionSummary()
        var touched: [String] = []
        var touchedSet: Set<String> = []
        func touch(_ id: String) { if touchedSet.insert(id).inserted { touched.append(id) } }

        for mentionID in mentionIDs {
            guard let stored = try transaction.mention(id: mentionID) else { continue }
            summary.mentionsResolved += 1
            let current = try transaction.entityID(ofMention: mentionID)
            let kind = stored.mention.key.kind
            guard let key = StrongKey(of: stored.mention) else {
                if let current { touch(current) } else { touch(try createEntity(for: stored, in: transaction, at: time, summary: &summary)) }
                continue
            }
            if let owner = try transaction.entityID(kind: kind, keyType: key.type, keyValue: key.value),
                try transaction.entity(id: owner)?.status == .active
            {
                if owner != current {
                    try transaction.assign(mentionID: mentionID, toEntity: owner, rule: "exact:\(key.type)", at: time)
                    if let current { touch(current) }
                }
                touch(owner)
            } else if let current, try transaction.members(ofEntity: current).count == 1 {
                try transaction.bindKey(kind: kind, keyType: key.type, keyValue: key.value, toEntity: current)
                touch(current)
            } else {
                if let current { touch(current) }
                let created = try createEntity(for: stored, in: transaction, at: time, summary: &summary)
                try transaction.bindKey(kind: kind, keyType: key.type, keyValue: key.value, toEntity: created)
                touch(created)
            }
        }
        for entityID in touched {
            try refreshGolden(entityID: entityID, in: transaction, at: time, summary: &summary)
        }
        return summary
    }

    private func createEntity(
        for stored: StoredMention, in transaction: any StoreTransaction, at time: String, summary: inout ResolutionSummary
    ) throws -> String {
        let id = try EntityIDMinter.mint(for: stored.mention.key) { try transaction.entity(id: $0) != nil }
        try transaction.createEntity(id: id, kind: stored.mention.key.kind, at: time)
        try transaction.assign(mentionID: stored.id, toEntity: id, rule: "new", at: time)
        summary.entitiesCreated += 1
        return id
    }

    /// Recomputes one entity's golden record; appends `entity.created`, `entity.updated` or `entity.retired`
    /// when (and only when) it changed.
    func refreshGolden(entityID: String, in transaction: any StoreTransaction, at time: String, summary: inout ResolutionSummary)
        throws
    {
        guard let entity = try transaction.entity(id: entityID) else { return }
        let members = try transaction.members(ofEntity: entityID)
        let previous = try transaction.goldenRecordJSON(entityID: entityID)
        guard let golden = survivorship.golden(entityID: entityID, members: members) else {
            guard entity.status == .active else { return }
            try transaction.retireEntity(id: entityID, redirectTo: nil, at: time)
            try transaction.unbindKeys(ofEntity: entityID)
            try transaction.deleteGoldenRecord(entityID: entityID)
            try transaction.appendFeedEvent(
                type: .entityRetired, subject: entityID, kind: entity.kind, data: #"{"entityID":"\#(entityID)"}"#, at: time)
            summary.entitiesRetired += 1
            summary.feedEvents += 1
            return
        }
        let json = try FeedPayload.json(golden)
        guard json != previous else { return }
        try transaction.putGoldenRecord(golden, json: json, at: time)
        try transaction.appendFeedEvent(
            type: previous == nil ? .entityCreated : .entityUpdated, subject: entityID, kind: entity.kind, data: json, at: time)
        if previous != nil { summary.entitiesUpdated += 1 }
        summary.feedEvents += 1
    }
}

/// The JSON a feed event carries: the golden record with provenance, keys sorted.
public enum FeedPayload {
    public static func json(_ golden: GoldenRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(golden), as: UTF8.self)
    }
}
