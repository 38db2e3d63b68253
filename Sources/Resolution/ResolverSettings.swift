import Matching

/// How resolution decides: the blocking rules that choose which pairs are compared, and the two thresholds that
/// cut match probabilities into three bands (auto-link; review; reject).
public struct ResolverSettings: Codable, Sendable, Hashable {
    /// Pairs at or above this match probability are linked automatically.
    public var autoLinkProbability: Double
    /// Pairs at or above this (and below `autoLinkProbability`) go to the review queue; below it they are rejected.
    public var reviewProbability: Double
    public var blockingRules: [BlockingRule]
    /// Blocks larger than this are skipped and reported instead of compared pair by pair.
    public var maxBlockSize: Int
    /// A delta at least this share of the indexed persons is resolved in batch (every person re-clustered at
    /// once) instead of block by block.
    public var batchShare: Double

    public init(
        autoLinkProbability: Double = 0.95, reviewProbability: Double = 0.30,
        blockingRules: [BlockingRule] = BlockingRule.defaults, maxBlockSize: Int = 2_000, batchShare: Double = 0.25
    ) {
        self.autoLinkProbability = autoLinkProbability
        self.reviewProbability = reviewProbability
        self.blockingRules = blockingRules
        self.maxBlockSize = maxBlockSize
        self.batchShare = batchShare
    }

    /// Nil when valid; otherwise what is wrong.
    public var problem: String? {
        guard (0...1).contains(reviewProbability), (0...1).contains(autoLinkProbability) else {
            return "thresholds must be probabilities between 0 and 1"
        }
        guard reviewProbability <= autoLinkProbability else {
            return "the review threshold (\(reviewProbability)) must not exceed the auto-link threshold (\(autoLinkProbability))"
        }
        guard !blockingRules.isEmpty else { return "at least one blocking rule is needed" }
        return nil
    }
}
