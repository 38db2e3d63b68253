import Domain
import Foundation
import Storage

/// Deterministic resolution of parcels and enterprises on their strong keys: mentions that share a parcel key or
/// an enterprise code join one entity; others stay singletons. (Persons are resolved by `PersonResolver`.)
/// Golden records are recomputed only for entities whose membership or members changed, and a feed event is
/// appended in the caller's transaction for every golden record that actually changed.
public struct ExactResolver: Sendable {
    public var publisher: GoldenPublisher

    public init(publisher: GoldenPublisher = GoldenPublisher()) {
        self.publisher = publisher
    }

    /// Resolves the given (new or changed) mentions inside `transaction`.
    /// Person mentions are skipped.
    public func resolve(mentionIDs: [Int64], in transaction: any StoreTransaction, at time: String) throws -> ResolutionSummary {
        var summary = ResolutionSummary()
        var touched: [String] = []  // refreshed once each, in the order first touched
        func touch(_ id: String) { touched.append(id) }

        for group in distinctGroups(mentionIDs, size: ExactResolutionInputs.groupSize) {
            var inputs = try ExactResolutionInputs(group, in: transaction)
            for mentionID in group {
                guard let stored = inputs.mention(mentionID), !stored.retired, stored.mention.key.kind != .person else { continue }
                summary.mentionsResolved += 1
                let current = inputs.entity(ofMention: mentionID)
                let kind = stored.mention.key.kind
                guard let key = StrongKey(of: stored.mention) else {
                    if let current {
                        touch(current)
                    } else {
                        touch(try createEntity(for: stored, inputs: &inputs, in: transaction, at: time, summary: &summary))
                    }
                    continue
                }
                if let owner = inputs.owner(kind: kind, key: key), try inputs.isActive(owner, in: transaction) {
                    if owner != current {
                        try transaction.assign(mentionID: mentionID, toEntity: owner, rule: "exact:\(key.type)", at: time)
                        if let current { touch(current) }
                    }
                    touch(owner)
                } else if let current, try transaction.members(ofEntity: current).count == 1 {
                    try transaction.bindKey(kind: kind, keyType: key.type, keyValue: key.value, toEntity: current)
                    inputs.bound(kind: kind, key: key, to: current)
                    touch(current)
                } else {
                    if let current { touch(current) }
                    let created = try createEntity(for: stored, inputs: &inputs, in: transaction, at: time, summary: &summary)
                    try transaction.bindKey(kind: kind, keyType: key.type, keyValue: key.value, toEntity: created)
                    inputs.bound(kind: kind, key: key, to: created)
                    touch(created)
                }
            }
        }
        try publisher.refresh(entityIDs: touched, in: transaction, at: time, summary: &summary)
        return summary
    }

    private func createEntity(
        for stored: StoredMention, inputs: inout ExactResolutionInputs, in transaction: any StoreTransaction, at time: String,
        summary: inout ResolutionSummary
    ) throws -> String {
        let id = try inputs.minting.mint(for: stored.mention.key, in: transaction)
        inputs.created(id, kind: stored.mention.key.kind)
        try transaction.createEntity(id: id, kind: stored.mention.key.kind, at: time)
        try transaction.assign(mentionID: stored.id, toEntity: id, rule: "new", at: time)
        summary.entitiesCreated += 1
        return id
    }
}

/// The JSON a feed event carries: the golden record with provenance, keys sorted.
public enum FeedPayload {
    public static func json(_ golden: GoldenRecord) throws -> String {
        return try CanonicalJSONWriter.text(of: golden)
    }
}
