import Domain
import Foundation

/// Estimates Fellegi–Sunter parameters from unlabelled data, the way Splink does:
/// u from random pairs (almost all of which are non-matches), then m and λ by
/// expectation–maximisation on blocked candidate pairs with u held fixed.
public enum ModelEstimator {
    /// m-probabilities and λ after EM, with how it got there.
    public struct MatchEstimate: Sendable, Hashable {
        /// m per comparison per level (index 0, the null level, is 0).
        public var m: [[Double]]
        public var prior: Double
        public var iterations: Int
        /// True when the largest parameter change fell below the tolerance before the iteration limit.
        public var converged: Bool
    }

    // MARK: u from random pairs

    /// u per comparison per level from `pairCount` random pairs of distinct mentions, drawn with a seeded
    /// generator so the estimate is reproducible. Null levels are not counted.
    public static func estimateU(
        _ mentions: [PersonFeatures], comparisons: ComparisonSet, pairCount: Int, seed: UInt64
    ) -> [[Double]] {
        var counts = comparisons.comparisons.map { Array(repeating: 0, count: $0.levelCount) }
        guard mentions.count >= 2 else { return levelShares(counts) }
        var generator = SplitMix64(seed: seed)
        var levels: [Int] = []
        for _ in 0..<pairCount {
            let first = generator.below(mentions.count)
            var second = generator.below(mentions.count - 1)
            if second >= first { second += 1 }
            // One call for every comparison: each comparison's own call would copy both mentions (a copy retains
            // every array and string of the features, most of the cost of a million pairs).
            comparisons.levels(mentions[first], mentions[second], into: &levels)
            for (index, level) in levels.enumerated() { counts[index][level] += 1 }
        }
        return levelShares(counts)
    }

    /// u per comparison per level from level vectors of pairs known (or assumed) to be non-matches.
    public static func estimateU(levels: [[Int]], levelCounts: [Int]) -> [[Double]] {
        var counts = levelCounts.map { Array(repeating: 0, count: $0) }
        for pair in levels {
            for (index, level) in pair.enumerated() where index < counts.count && level < counts[index].count {
                counts[index][level] += 1
            }
        }
        return levelShares(counts)
    }

    /// Laplace-smoothed shares of the non-null levels (add one to every level), so a level never seen among
    /// the sampled pairs still gets a small positive probability.
    static func levelShares(_ counts: [[Int]]) -> [[Double]] {
        counts.map { row in
            guard row.count > 1 else { return row.map { _ in 0 } }
            let seen = row.dropFirst().reduce(0, +)
            let denominator = Double(seen + row.count - 1)
            return row.indices.map { $0 == 0 ? 0 : Double(row[$0] + 1) / denominator }
        }
    }

    // MARK: m and λ by EM

    /// Expectation–maximisation of m and λ on candidate pairs' level vectors (`levels[pair][comparison]`),
    /// with u fixed. Starts from `m` and `prior`; stops when no parameter moves by `tolerance` or after
    /// `maxIterations`. Null levels are left out of both steps. The M-step adds `pseudoCount` expected pairs to
    /// every level, so a level no candidate pair happened to show keeps a small m instead of collapsing to 0
    /// (which would make it a near-veto: a weight of −10 or worse for, say, "same year and month").
    public static func estimateMatchParameters(
        levels: [[Int]], m startM: [[Double]], u: [[Double]], prior startPrior: Double,
        maxIterations: Int = 50, tolerance: Double = 1e-6, pseudoCount: Double = 1
    ) -> MatchEstimate {
        var m = startM
        var prior = FellegiSunterModel.clamp(startPrior)
        // log2 u is fixed: compute it once.
        let logU = u.map { $0.map { log2(FellegiSunterModel.clamp($0)) } }
        var posteriors = Array(repeating: 0.0, count: levels.count)
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            // E-step: posterior match probability of every pair.
            let logM = m.map { $0.map { log2(FellegiSunterModel.clamp($0)) } }
            let priorWeight = log2(prior / (1 - prior))
            for (pairIndex, pair) in levels.enumerated() {
                var total = priorWeight
                for (index, level) in pair.enumerated() where level > 0 && index < logM.count && level < logM[index].count {
                    total += logM[index][level] - logU[index][level]
                }
                posteriors[pairIndex] = total >= 0 ? 1 / (1 + exp2(-total)) : exp2(total) / (1 + exp2(total))
            }
            // M-step: m = posterior-weighted level shares among non-null levels; λ = mean posterior.
            var weighted = m.map { Array(repeating: 0.0, count: $0.count) }
            for (pairIndex, pair) in levels.enumerated() {
                let posterior = posteriors[pairIndex]
                for (index, level) in pair.enumerated() where level > 0 && index < weighted.count && level < weighted[index].count {
                    weighted[index][level] += posterior
                }
            }
            var change = 0.0
            for index in weighted.indices {
                let mass = weighted[index].reduce(0, +)
                guard mass > 0 else { continue }
                let smoothedMass = mass + pseudoCount * Double(weighted[index].count - 1)
                for level in weighted[index].indices where level > 0 {
                    let updated = (weighted[index][level] + pseudoCount) / smoothedMass
                    change = max(change, abs(updated - m[index][level]))
                    m[index][level] = updated
                }
            }
            let updatedPrior = levels.isEmpty ? prior : FellegiSunterModel.clamp(posteriors.reduce(0, +) / Double(levels.count))
            change = max(change, abs(updatedPrior - prior))
            prior = updatedPrior
            if change < tolerance {
                converged = true
                break
            }
        }
        return MatchEstimate(m: m, prior: prior, iterations: iterations, converged: converged)
    }

    /// Trains `model`: u from random pairs of `mentions`, then m and λ by EM on the candidate pairs
    /// (index pairs into `mentions`, typically from blocking). Term frequencies are counted over `mentions`.
    public static func train(
        _ model: FellegiSunterModel, mentions: [PersonFeatures], candidatePairs: [(Int, Int)], randomPairCount: Int,
        seed: UInt64, version: String, trainedAt: String?, maxIterations: Int = 50
    ) -> (model: FellegiSunterModel, iterations: Int) {
        let comparisons = model.comparisons
        let u = estimateU(mentions, comparisons: comparisons, pairCount: randomPairCount, seed: seed)
        let levels = candidatePairs.map { comparisons.levels(mentions[$0.0], mentions[$0.1]) }
        let estimate = estimateMatchParameters(
            levels: levels, m: model.parameters.map(\.m), u: u, prior: model.prior, maxIterations: maxIterations)
        var trained = model
        trained.version = version
        trained.trainedAt = trainedAt
        trained.provenance =
            "u from \(randomPairCount) random pairs of \(mentions.count) mentions (seed \(seed)); "
            + "m and λ by EM on \(candidatePairs.count) candidate pairs, \(estimate.iterations) iterations"
            + (estimate.converged ? "" : " (not converged)")
        // EM's λ is the share of matches among the candidate pairs; scores need the chance that two random
        // mentions match (u came from random pairs), so the expected matches are spread over all pairs.
        let allPairs = Double(mentions.count) * Double(max(mentions.count - 1, 1)) / 2
        trained.prior = FellegiSunterModel.clamp(estimate.prior * Double(candidatePairs.count) / max(allPairs, 1))
        trained.provenance += "; λ among candidate pairs \(estimate.prior), over all pairs \(trained.prior)"
        for index in trained.parameters.indices {
            trained.parameters[index].u = u[index]
            trained.parameters[index].m = estimate.m[index]
        }
        trained.termFrequencies = TermFrequencies(counting: mentions, minimumFrequency: model.termFrequencies.minimumFrequency)
        return (trained, estimate.iterations)
    }
}
