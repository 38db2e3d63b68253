import Matching
import Testing

@Suite struct JaroWinklerTests {
    @Test(arguments: [
        ("MARTHA", "MARHTA", 0.961),
        ("DWAYNE", "DUANE", 0.840),
        ("DIXON", "DICKSONX", 0.813),
    ])
    func knownValues(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.0005)
        #expect(abs(JaroWinkler.similarity(b, a) - expected) < 0.0005)
    }

    @Test func equalAndDisjointStrings() {
        #expect(JaroWinkler.similarity("nguyen van an", "nguyen van an") == 1)
        #expect(JaroWinkler.similarity("abc", "xyz") == 0)
        #expect(JaroWinkler.similarity("", "") == 1)
        #expect(JaroWinkler.similarity("an", "") == 0)
    }

    @Test func jaroWithoutPrefixBoost() {
        #expect(abs(JaroWinkler.jaroSimilarity(Array("MARTHA".utf8), Array("MARHTA".utf8)) - 0.944) < 0.0005)
    }
}

@Suite struct JaroWinklerBoundTests {
    /// The bound never rules out a pair whose similarity reaches the threshold, and the thresholded call agrees with
    /// the full computation everywhere: checked on every pair of a list of names and their typos.
    @Test func theBoundNeverRulesOutAReachedThreshold() {
        let names = [
            "nguyen van an", "nguyen van anh", "van an nguyen", "an nguyen van", "tran thi bich", "tran thi bick", "le van tam",
            "martha", "marhta", "dwayne", "duane", "dixon", "dicksonx", "keelin", "keelni", "a", "ab", "ba", "abc", "xyz",
            "leloi", "lelọi", "studleystreet", "studleysteet", "",
        ].map { Array($0.utf8) }
        for threshold in [0.0, 0.5, 0.8, 0.88, 0.9, 0.92, 0.95, 1.0] {
            for a in names {
                for b in names {
                    let reached = JaroWinkler.similarity(a, b) >= threshold
                    if reached { #expect(JaroWinkler.mayReach(a, b, threshold), "\(a) \(b) \(threshold)") }
                    #expect(JaroWinkler.similarity(a, b, atLeast: threshold) == reached)
                }
            }
        }
        #expect(!JaroWinkler.mayReach(Array("nguyen van an".utf8), Array("tran thi bich".utf8), 0.92))
    }
}
