import Foundation

/// A model's weights precomputed for scoring many pairs: the log2 Bayes factor of every level and the
/// prior weight, so that scoring a pair is a handful of table reads and additions. `weight(_:_:)` equals
/// `FellegiSunterModel.score(_:_:).total` for every pair (a test holds them together); use `score` when
/// the line items are wanted (explanations, review items).
public struct CompiledModel: Sendable {
    public let model: FellegiSunterModel
    let comparisons: [Comparison]
    /// weights[comparison][level]; the null level and levels without parameters weigh 0.
    let weights: [[Double]]
    /// For each comparison, how many levels the model has parameters for (fewer than now exist for a model stored
    /// before later levels were added; `Comparison.level(_:_:known:)`).
    let knownLevels: [Int]
    /// For each comparison, whether each level takes the term-frequency adjustment, and that level's clamped u.
    let termFrequencyU: [[Double?]]
    public let priorWeight: Double

    public init(_ model: FellegiSunterModel) {
        self.model = model
        comparisons = model.parameters.map(\.comparison)
        let lambda = FellegiSunterModel.clamp(model.prior)
        priorWeight = log2(lambda / (1 - lambda))
        knownLevels = model.parameters.map(\.knownLevels)
        weights = model.parameters.map { parameter in
            (0..<parameter.comparison.levelCount).map { level in
                guard level > 0, level < parameter.m.count, level < parameter.u.count else { return 0 }
                return FellegiSunterModel.weight(m: parameter.m[level], u: parameter.u[level])
            }
        }
        termFrequencyU = model.parameters.map { parameter in
            let levels = parameter.comparison.termFrequencyLevels
            return (0..<parameter.comparison.levelCount).map { level in
                guard levels.contains(level), level > 0, level < parameter.u.count else { return nil }
                return FellegiSunterModel.clamp(parameter.u[level])
            }
        }
    }

    /// The pair's total weight: log2 of the posterior match odds.
    public func weight(_ a: PersonFeatures, _ b: PersonFeatures) -> Double {
        var total = priorWeight
        for index in comparisons.indices {
            let level = comparisons[index].level(a, b, known: knownLevels[index])
            guard level > 0, level < weights[index].count else { continue }
            total += weights[index][level]
            if let u = termFrequencyU[index][level],
                let frequency = model.termFrequencies.frequency(given: a.foldedGiven, family: a.foldedFamily)
            {
                total += log2(u / FellegiSunterModel.clamp(frequency))
            }
        }
        return total
    }

    /// The match probability of a total weight.
    public static func probability(weight: Double) -> Double {
        weight >= 0 ? 1 / (1 + exp2(-weight)) : exp2(weight) / (1 + exp2(weight))
    }

    /// The total weight at which the match probability equals `probability`.
    public static func weight(probability: Double) -> Double {
        let p = FellegiSunterModel.clamp(probability)
        return log2(p / (1 - p))
    }
}
