import Domain
import Matching
import Storage

/// Pairs of person mentions a steward labelled — every must-link and never-link constraint, whether it came from a
/// review item, a merge, a split or an unlink — with the review item it answered (if any), the probability when
/// the item was raised, and the probability under the active model now: the data for choosing thresholds.
public struct StewardLabel: Codable, Sendable, Hashable {
    public var first: MentionKey
    public var second: MentionKey
    /// True for a must-link (the same person), false for a never-link.
    public var same: Bool
    public var actor: String
    public var decidedAt: String
    public var reason: String?
    /// The review item the decision answered, its type and its probability when raised.
    public var reviewItem: Int64?
    public var reviewType: ReviewType?
    public var probabilityWhenRaised: Double?
    /// The pair's match probability under `modelVersion` (nil when a mention is no longer in the index).
    public var probabilityNow: Double?
    public var modelVersion: String

    /// Every labelled pair, in the order the constraints were made.
    public static func collect(from reader: any StoreReader) throws -> [StewardLabel] {
        let constraints = try reader.pairConstraints(touching: nil).sorted { ($0.createdAt, $0.first, $0.second) < ($1.createdAt, $1.first, $1.second) }
        let model = try MatchModels.active(in: reader)
        var decided: [Pair: ReviewItem] = [:]
        for item in try reader.reviewItems(status: .decided, limit: Int(Int32.max)) where item.type != .value {
            decided[Pair(first: item.first, second: item.second)] = item
        }
        let ids = Array(Set(constraints.flatMap { [$0.first, $0.second] }))
        let keys = try reader.mentionKeys(ids: ids)
        let features = Dictionary(
            try reader.personIndexEntries(mentionIDs: ids).map { ($0.mentionID, PersonIndexing.features($0)) }, uniquingKeysWith: { a, _ in a })
        return constraints.compactMap { constraint in
            guard let first = keys[constraint.first], let second = keys[constraint.second] else { return nil }
            let item = decided[Pair(first: constraint.first, second: constraint.second)]
            var now: Double?
            if let a = features[constraint.first], let b = features[constraint.second] { now = model.score(a, b).matchProbability }
            return StewardLabel(
                first: first, second: second, same: constraint.kind == .mustLink, actor: constraint.actor, decidedAt: constraint.createdAt,
                reason: constraint.reason, reviewItem: item?.id, reviewType: item?.type, probabilityWhenRaised: item?.probability,
                probabilityNow: now, modelVersion: model.version)
        }
    }

    private struct Pair: Hashable {
        var first: Int64
        var second: Int64
    }
}
