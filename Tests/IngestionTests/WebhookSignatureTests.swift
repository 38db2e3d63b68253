import Ingestion
import Testing

@Suite struct WebhookSignatureTests {
    static let secret = Array("whsec_test".utf8)
    static let body = Array(#"{"event":"record.updated","id":42}"#.utf8)

    @Test func headerMatchesAVectorComputedWithPythonsHMAC() {
        // Derived once with Python's standard library, independently of our code:
        //   hmac.new(b"whsec_test", b"1700000000." + b'{"event":"record.updated","id":42}', hashlib.sha256).hexdigest()
        let expected = "t=1700000000,v1=2662c53eb531d4cdd6c5de1b2398031bdbe30151797a49153f4c915d7a8fa957"
        #expect(WebhookSignature.header(secret: Self.secret, timestamp: 1_700_000_000, body: Self.body) == expected)
    }

    @Test func verifyAcceptsAFreshSignatureInsideTheTolerance() {
        let header = WebhookSignature.header(secret: Self.secret, timestamp: 1_700_000_000, body: Self.body)
        #expect(WebhookSignature.verify(header: header, secret: Self.secret, body: Self.body, now: 1_700_000_000))
        #expect(WebhookSignature.verify(header: header, secret: Self.secret, body: Self.body, now: 1_700_000_300, tolerance: 300))
        #expect(WebhookSignature.verify(header: header, secret: Self.secret, body: Self.body, now: 1_699_999_700, tolerance: 300))
    }

    @Test func verifyRejectsATamperedBody() {
        let header = WebhookSignature.header(secret: Self.secret, timestamp: 1_700_000_000, body: Self.body)
        var tampered = Self.body
        tampered[tampered.count - 3] = UInt8(ascii: "3")  // "id":42 → "id":32
        #expect(!WebhookSignature.verify(header: header, secret: Self.secret, body: tampered, now: 1_700_000_000))
        #expect(!WebhookSignature.verify(header: header, secret: Self.secret, body: Self.body + [0x20], now: 1_700_000_000))
    }

    @Test func verifyRejectsTheWrongSecret() {
        let header = WebhookSignature.header(secret: Self.secret, timestamp: 1_700_000_000, body: Self.body)
        #expect(!WebhookSignature.verify(header: header, secret: Array("whsec_tesT".utf8), body: Self.body, now: 1_700_000_000))
        #expect(!WebhookSignature.verify(header: header, secret: [], body: Self.body, now: 1_700_000_000))
    }

    @Test func verifyRejectsAStaleOrFutureTimestamp() {
        let header = WebhookSignature.header(secret: Self.secret, timestamp: 1_700_000_000, body: Self.body)
        #expect(!WebhookSignature.verify(header: header, secret: Self.secret, body: Self.body, now: 1_700_000_301, tolerance: 300))
        #expect(!WebhookSignature.verify(header: header, secret: Self.secret, body: Self.body, now: 1_699_999_699, tolerance: 300))
        #expect(!WebhookSignature.verify(header: header, secret: Self.secret, body: Self.body, now: Int.min, tolerance: 300))
    }

    @Test func verifyRejectsARewrittenTimestampAndMalformedHeaders() {
        let header = WebhookSignature.header(secret: Self.secret, timestamp: 1_700_000_000, body: Self.body)
        let mac = String(header.split(separator: ",")[1].dropFirst(3))
        // Replaying an old request with a new timestamp: the MAC covers the timestamp, so it no longer matches.
        #expect(!WebhookSignature.verify(header: "t=1700000100,v1=\(mac)", secret: Self.secret, body: Self.body, now: 1_700_000_100))
        for malformed in ["", "v1=\(mac)", "t=1700000000", "t=abc,v1=\(mac)", "t=1700000000,v1=\(mac.dropLast())",
                          "t=1700000000,t=1700000000,v1=\(mac)", "t=1700000000,garbage,v1=\(mac)"] {
            #expect(!WebhookSignature.verify(header: malformed, secret: Self.secret, body: Self.body, now: 1_700_000_000), "\(malformed)")
        }
    }

    @Test func verifyAcceptsAnyMatchingV1AndIgnoresUnknownSchemes() {
        let header = WebhookSignature.header(secret: Self.secret, timestamp: 1_700_000_000, body: Self.body)
        let mac = String(header.split(separator: ",")[1].dropFirst(3))
        let rotated = "t=1700000000, v1=\(String(repeating: "0", count: 64)), v1=\(mac), v9=whatever"
        #expect(WebhookSignature.verify(header: rotated, secret: Self.secret, body: Self.body, now: 1_700_000_000))
    }
}
