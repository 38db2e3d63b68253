import Hashing
import Testing

@Suite struct DigestTests {
    @Test func sha256KnownVectors() {
        #expect(Digest.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex("Nguyễn").count == 64)
    }

    @Test func hmacRFC4231Case2() {
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Digest.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func constantTimeEqualCompares() {
        #expect(Digest.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!Digest.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!Digest.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(Digest.constantTimeEqual([], []))
    }

    @Test func randomBytesDiffer() {
        let a = Digest.randomBytes(16), b = Digest.randomBytes(16)
        #expect(a.count == 16)
        #expect(a != b)
    }
}
