import Foundation

/// The explained score of one pair: every line item that went into the total, so a steward (or an
/// audit) can see why two records were linked.
public struct PairScore: Sendable, Hashable {
    /// One line item: a comparison's level and its weight, or the term-frequency adjustment of one.
    public struct Contribution: Sendable, Hashable {
        /// Comparison name; the term-frequency adjustment is named "<comparison> (term frequency)".
        public var comparison: String
        public var level: Int
        public var label: String
        /// log2(m / u): positive is evidence for a match. 0 at the null level.
        public var weight: Double
        /// Probability of this level among matching pairs (for the adjustment: the level's u).
        public var m: Double
        /// Probability of this level among non-matching pairs (for the adjustment: the term's frequency).
        public var u: Double

        public init(comparison: String, level: Int, label: String, weight: Double, m: Double, u: Double) {
            self.comparison = comparison
            self.level = level
            self.label = label
            self.weight = weight
            self.m = m
            self.u = u
        }
    }

    public var contributions: [Contribution]
    /// log2(λ / (1 − λ)): the odds of a match before looking at the pair.
    public var priorWeight: Double
    /// Prior weight plus every contribution's weight (log2 of the posterior odds).
    public var total: Double

    /// 2^total / (1 + 2^total), computed without overflow for large totals.
    public var matchProbability: Double {
        total >= 0 ? 1 / (1 + exp2(-total)) : exp2(total) / (1 + exp2(total))
    }
}
