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
