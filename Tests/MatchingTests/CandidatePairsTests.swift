import Domain
import Matching
import Testing

@Suite struct CandidatePairsTests {
    typealias P = PersonFixture

    @Test func eachPairOnceCreditedToTheFirstRuleThatProducesIt() {
        let an = P.features(born: P.date(1985, 3, 7), personalNumber: "001085000001", communes: ["00004"], province: "01")
        let anAgain = P.features(born: P.date(1985, 3, 7), personalNumber: "001085000001", communes: ["00004"], province: "01")
        let anNoNumber = P.features(born: P.date(1985), communes: ["00004"], province: "01")
        let stranger = P.features(family: "Trần", middle: "Thị", given: "Mai", born: P.date(1990), communes: ["00007"], province: "01")
        let candidates = CandidatePairs([an, anAgain, anNoNumber, stranger], rules: BlockingRule.defaults)
        let pairs = candidates.pairs.map { [Int($0.first), Int($0.second)] }
        #expect(pairs == [[0, 1], [0, 2], [1, 2]])
        #expect(candidates.pairs[0].rule == 0)  // the shared 12-digit number
        #expect(candidates.pairs[1].rule == 1)  // folded full name + birth year
        #expect(candidates.report.map(\.pairs) == [1, 2, 0, 0, 0, 0])
        #expect(Set(candidates.pairs.map { "\($0.first)-\($0.second)" }).count == candidates.pairs.count)
    }

    @Test func oversizedBlocksAreSkippedAndReported() {
        let many = (0..<6).map { _ in P.features(born: P.date(1985)) }
        let candidates = CandidatePairs(many, rules: [BlockingRule(name: "full_name_birth_year", parts: [.foldedFullName, .birthYear])], maxBlockSize: 5)
        #expect(candidates.pairs.isEmpty)
        #expect(candidates.report.first?.oversizedBlocks == 1)
        #expect(candidates.report.first?.largestBlock == 6)
    }

    @Test func keyHashesAreStableAndDistinguishKeys() {
        let rule = BlockingRule(name: "full_name_birth_year", parts: [.foldedFullName, .birthYear])
        let a = rule.keyHashes(P.features(born: P.date(1985)))
        #expect(a == rule.keyHashes(P.features(born: P.date(1985))))
        #expect(a != rule.keyHashes(P.features(born: P.date(1986))))
        #expect(rule.keyHashes(P.features(born: nil)).isEmpty)
    }
}

@Suite struct CompiledModelTests {
    typealias P = PersonFixture

    @Test func weightEqualsTheExplainedTotalForEveryPair() {
        var model = FellegiSunterModel.defaults
        model.termFrequencies = TermFrequencies(given: ["an": 0.1, "mai": 0.01], family: ["nguyen": 0.38, "tran": 0.11])
        let people = [
            P.features(born: P.date(1985, 3, 7), sex: .male, personalNumber: "001085000001", communes: ["00004"], province: "01"),
            P.features(born: P.date(1985), sex: .male, communes: ["00004"], province: "01"),
            P.features(middle: nil, born: P.date(1986, 3, 7), sex: .female, province: "01"),
            P.features(family: "Trần", middle: "Thị", given: "Mai", born: P.date(1990, 1, 2), sex: .female, legacy: ["012345678"]),
            P.features(family: "Trần", middle: "Thị", given: "Mai", born: P.date(1990, 2, 1), legacy: ["012345679"]),
            P.features(noName: true),
        ]
        let compiled = CompiledModel(model)
        for a in people {
            for b in people {
                #expect(abs(compiled.weight(a, b) - model.score(a, b).total) < 1e-9)
            }
        }
    }

    @Test func probabilityAndWeightAreInverse() {
        for p in [0.01, 0.3, 0.5, 0.95, 0.999] {
            #expect(abs(CompiledModel.probability(weight: CompiledModel.weight(probability: p)) - p) < 1e-12)
        }
    }
}
