import Domain
import Matching
import Testing

@Suite struct EstimationTests {
    typealias P = PersonFixture

    /// Draws a level from a distribution indexed by level (index 0 unused).
    private func draw(_ distribution: [Double], _ generator: inout SplitMix64) -> Int {
        var remaining = generator.unit()
        for level in 1..<distribution.count {
            remaining -= distribution[level]
            if remaining < 0 { return level }
        }
        return distribution.count - 1
    }

    @Test func emRecoversKnownMixture() {
        let trueM: [[Double]] = [[0, 0.75, 0.15, 0.10], [0, 0.60, 0.30, 0.10], [0, 0.90, 0.10]]
        let u: [[Double]] = [[0, 0.02, 0.08, 0.90], [0, 0.05, 0.15, 0.80], [0, 0.30, 0.70]]
        let lambda = 0.2
        var generator = SplitMix64(seed: 42)
        var levels: [[Int]] = []
        for _ in 0..<20_000 {
            let isMatch = generator.unit() < lambda
            let source = isMatch ? trueM : u
            var pair = source.map { draw($0, &generator) }
            if generator.unit() < 0.1 { pair[1] = 0 }  // the second field is missing on some pairs
            levels.append(pair)
        }
        let start: [[Double]] = [[0, 0.5, 0.3, 0.2], [0, 0.5, 0.3, 0.2], [0, 0.7, 0.3]]
        let estimate = ModelEstimator.estimateMatchParameters(levels: levels, m: start, u: u, prior: 0.05)
        #expect(estimate.iterations <= 50)
        #expect(abs(estimate.prior - lambda) < 0.02)
        for (estimated, truth) in zip(estimate.m, trueM) {
            for level in 1..<truth.count {
                #expect(abs(estimated[level] - truth[level]) < 0.03, "m \(estimated) vs \(truth)")
            }
            #expect(estimated[0] == 0)
        }
    }

    @Test func emStopsAtTheIterationLimit() {
        let levels = Array(repeating: [1, 2], count: 10) + Array(repeating: [2, 1], count: 10)
        let estimate = ModelEstimator.estimateMatchParameters(
            levels: levels, m: [[0, 0.5, 0.5], [0, 0.5, 0.5]], u: [[0, 0.1, 0.9], [0, 0.1, 0.9]], prior: 0.5,
            maxIterations: 1)
        #expect(estimate.iterations == 1)
        #expect(!estimate.converged)
    }

    @Test func uIsSmoothedLevelFrequencyWithoutNulls() {
        // Level counts for one 3-level comparison: level 1 × 3, level 2 × 1, null × 5.
        let levels = [[1], [1], [1], [2]] + Array(repeating: [0], count: 5)
        let u = ModelEstimator.estimateU(levels: levels, levelCounts: [3])
        #expect(u == [[0, 4.0 / 6, 2.0 / 6]])
    }

    @Test func uFromRandomPairsIsReproducible() {
        let mentions = [
            P.features(sex: .male), P.features(given: "Bình", sex: .male), P.features(given: "Lan", sex: .female),
            P.features(given: "Mai", sex: .female),
        ]
        let set = ComparisonSet([.sex, .name])
        let first = ModelEstimator.estimateU(mentions, comparisons: set, pairCount: 30_000, seed: 7)
        #expect(first == ModelEstimator.estimateU(mentions, comparisons: set, pairCount: 30_000, seed: 7))
        // Two of the six unordered pairs of distinct mentions share a sex.
        #expect(abs(first[0][SexLevel.same.rawValue] - 1.0 / 3) < 0.01)
        #expect(first[0][SexLevel.null.rawValue] == 0)
        // No random pair of distinct mentions has an exact name, but smoothing keeps u positive.
        #expect(first[1][NameLevel.exact.rawValue] > 0)
    }

    @Test func trainingReplacesParametersAndRecordsProvenance() {
        var mentions: [PersonFeatures] = []
        for index in 0..<40 {
            let given = ["An", "Bình", "Lan", "Mai", "Tú"][index % 5]
            let year = 1950 + index
            let person = P.features(given: given, born: P.date(year, 1 + index % 12, 1 + index % 28), sex: index % 2 == 0 ? .male : .female)
            mentions.append(person)
            mentions.append(person)
        }
        let pairs = (0..<40).map { (2 * $0, 2 * $0 + 1) } + (0..<39).map { (2 * $0, 2 * $0 + 2) }
        let (model, iterations) = ModelEstimator.train(
            .defaults, mentions: mentions, candidatePairs: pairs, randomPairCount: 5_000, seed: 1, version: "test-1",
            trainedAt: "2026-11-23T10:00:00Z")
        #expect(model.version == "test-1")
        #expect(model.trainedAt == "2026-11-23T10:00:00Z")
        #expect(iterations >= 1 && iterations <= 50)
        // About half the 79 candidate pairs match: ≈ 40 matches among the 3,160 pairs of 80 mentions.
        #expect(model.prior > 0.008 && model.prior < 0.02)
        #expect(model.provenance.contains("over all pairs"))
        #expect(model.provenance.contains("79 candidate pairs"))
        #expect(model.termFrequencies.given["an"] == 0.2)
        #expect(model.score(mentions[0], mentions[1]).matchProbability > model.score(mentions[0], mentions[2]).matchProbability)
    }

    @Test func splitMixIsDeterministicAndInRange() {
        var a = SplitMix64(seed: 123)
        var b = SplitMix64(seed: 123)
        for _ in 0..<100 {
            #expect(a.next() == b.next())
            let value = a.below(7)
            _ = b.below(7)
            #expect((0..<7).contains(value))
            let unit = a.unit()
            _ = b.unit()
            #expect(unit >= 0 && unit < 1)
        }
    }
}
