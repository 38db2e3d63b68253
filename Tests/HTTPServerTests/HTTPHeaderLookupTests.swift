import Testing

@testable import HTTPServer

/// Header names match without regard to ASCII case (and only ASCII case); values can be asked for trimmed of the
/// spaces and tabs around them.
@Suite struct HTTPHeaderLookupTests {
    let request = HTTPRequest(
        method: "GET", target: "/",
        headers: [
            HTTPHeader("x-purpose", " \tkiểm tra hồ sơ \t"), HTTPHeader("AUTHORIZATION", "Bearer t"), HTTPHeader("Authorization", "second"),
            HTTPHeader("X-Empty", "   "), HTTPHeader("a@b", "at"),
        ])

    @Test func namesMatchWithoutASCIICaseAndTheFirstWins() {
        #expect(request.header("Authorization") == "Bearer t")
        #expect(request.header("authorization") == "Bearer t")
        #expect(request.header("X-PURPOSE") == " \tkiểm tra hồ sơ \t")
        #expect(request.header("a@b") == "at" && request.header("a`b") == nil, "@ and ` differ by the case bit but are not letters")
        #expect(request.header("Authorizatio") == nil && request.header("Authorizations") == nil)
    }

    @Test func trimmedValuesLoseOnlySpacesAndTabs() {
        #expect(request.trimmedHeader("X-Purpose") == "kiểm tra hồ sơ")
        #expect(request.trimmedHeader("x-empty") == "")
        #expect(request.trimmedHeader("Missing") == nil)
    }
}
