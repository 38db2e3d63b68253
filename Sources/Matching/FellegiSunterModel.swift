import Foundation

/// m- and u-probabilities of one comparison, indexed by level (index 0, the null level, is ignored).
public struct ComparisonParameters: Codable, Sendable, Hashable {
    public var comparison: Comparison
    /// P(level | match), by level.
    public var m: [Double]
    /// P(level | non-match), by level.
    public var u: [Double]

    public init(comparison: Comparison, m: [Double], u: [Double]) {
        self.comparison = comparison
        self.m = m
        self.u = u
    }

    /// How many levels the parameters cover, the null level included: fewer than the comparison has for a model
    /// stored before later levels were added (`Comparison.level(_:_:known:)`).
    public var knownLevels: Int { min(comparison.levelCount, m.count, u.count) }
}

/// A Fellegi–Sunter record-comparison model: a prior match probability and, per comparison level,
/// how likely that level is among matching and among non-matching pairs. A pair's score is the sum of
/// the log2 Bayes factors of its levels plus the prior, so every link decision can be explained line by
/// line. Stored as JSON with its version and provenance so a decision can name the model that made it.
public struct FellegiSunterModel: Codable, Sendable, Hashable {
    /// Identifies this parameter set in link decisions ("defaults-2", "em-2026-11-23-a" …).
    public var version: String
    /// ISO 8601 timestamp of training; nil for hand-set parameters.
    public var trainedAt: String?
    /// What the parameters were estimated from (source feeds, pair counts, seed), free text.
    public var provenance: String
    /// λ: probability that a compared pair is a match.
    public var prior: Double
    public var parameters: [ComparisonParameters]
    public var termFrequencies: TermFrequencies
    /// The blocking rules the model was trained with and resolution uses (as a Splink model carries its blocking
    /// rules); nil for `BlockingRule.defaults`.
    public var blockingRules: [BlockingRule]?

    public init(
        version: String, trainedAt: String? = nil, provenance: String, prior: Double,
        parameters: [ComparisonParameters], termFrequencies: TermFrequencies = .empty, blockingRules: [BlockingRule]? = nil
    ) {
        self.version = version
        self.trainedAt = trainedAt
        self.provenance = provenance
        self.prior = prior
        self.parameters = parameters
        self.termFrequencies = termFrequencies
        self.blockingRules = blockingRules
    }

    /// Probabilities are kept off 0 and 1 so no Bayes factor is ever infinite or zero.
    public static let probabilityRange = 1e-6...(1 - 1e-6)

    static func clamp(_ p: Double) -> Double {
        guard p.isFinite else { return probabilityRange.lowerBound }
        return min(max(p, probabilityRange.lowerBound), probabilityRange.upperBound)
    }

    /// log2(m / u) after clamping both.
    public static func weight(m: Double, u: Double) -> Double {
        log2(clamp(m) / clamp(u))
    }

    /// The comparisons in model order.
    public var comparisons: ComparisonSet { ComparisonSet(parameters.map(\.comparison)) }

    /// Scores a pair with every line item explained.
    public func score(_ a: PersonFeatures, _ b: PersonFeatures) -> PairScore {
        let lambda = Self.clamp(prior)
        let priorWeight = log2(lambda / (1 - lambda))
        var total = priorWeight
        var contributions: [PairScore.Contribution] = []
        contributions.reserveCapacity(parameters.count + 1)
        for parameter in parameters {
            let comparison = parameter.comparison
            let level = comparison.level(a, b, known: parameter.knownLevels)
            let labels = comparison.labels
            let label = level < labels.count ? labels[level] : "level \(level)"
            guard level > 0, level < parameter.m.count, level < parameter.u.count else {
                contributions.append(.init(comparison: comparison.name, level: level, label: label, weight: 0, m: 1, u: 1))
                continue
            }
            let m = Self.clamp(parameter.m[level])
            let u = Self.clamp(parameter.u[level])
            let weight = log2(m / u)
            total += weight
            contributions.append(.init(comparison: comparison.name, level: level, label: label, weight: weight, m: m, u: u))
            if comparison.termFrequencyLevels.contains(level),
                let frequency = termFrequencies.frequency(given: a.foldedGiven, family: a.foldedFamily)
            {
                // Splink-style: replace the level's average u by the frequency of the shared name.
                let tf = Self.clamp(frequency)
                let adjustment = log2(u / tf)
                total += adjustment
                contributions.append(
                    .init(
                        comparison: comparison.name + " (term frequency)", level: level,
                        label: "\(a.foldedGiven) × \(a.foldedFamily): frequency \(tf)", weight: adjustment, m: u, u: tf))
            }
        }
        return PairScore(contributions: contributions, priorWeight: priorWeight, total: total)
    }
}
