import Domain
import Testing

@Suite struct FNV1aTests {
    /// The published FNV-1a 64 test vectors: entity IDs, quarantine fingerprints and stored blocking keys depend on them.
    @Test func publishedVectors() {
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar") == 0x8594_4171_f739_67e8)
    }
}
