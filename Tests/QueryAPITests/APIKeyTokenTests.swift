import Storage
import Testing

@testable import QueryAPI

/// Tokens are `lt_` + 16 lowercase hex digits + `_` + 64 of them; anything else is refused before the store is asked.
@Suite struct APIKeyTokenTests {
    @Test func aGeneratedTokenParsesToItsIdAndMatchesItsKey() throws {
        let (token, key) = APIKeyToken.generate(role: .reader, jurisdiction: Jurisdiction(national: true), label: nil, at: "2026-11-23T00:00:00Z")
        let parsed = try #require(APIKeyToken.parse(token))
        #expect(parsed.id == key.id && "lt_\(parsed.id)_\(parsed.secret)" == token)
        #expect(APIKeyToken.matches(secret: parsed.secret, key: key))
        #expect(!APIKeyToken.matches(secret: String(parsed.secret.reversed()), key: key))
    }

    @Test func malformedTokensAreRefused() {
        let id = String(repeating: "a", count: 16), secret = String(repeating: "0", count: 64)
        #expect(APIKeyToken.parse("lt_\(id)_\(secret)") != nil)
        for token in [
            "", "lt_", "LT_\(id)_\(secret)", "lt-\(id)_\(secret)", "lt_\(id)-\(secret)",
            "lt_\(id.uppercased())_\(secret)",  // upper-case hex
            "lt_\(id)_\(secret)0", "lt_\(id)_\(secret.dropLast())", "lt_\(id.dropLast())_\(secret)0",
            "lt_\(id)_\(secret.dropLast(2))é",  // same length in bytes, not hex
            "lt_\(id)_\(secret.dropLast())g", "lt_\(id)_\(secret.dropLast()) ", "xx_\(id)_\(secret)",
        ] {
            #expect(APIKeyToken.parse(token) == nil, "\(token)")
        }
    }
}
