import Foundation
import Ingestion
import Testing

/// Real webhook POSTs over 127.0.0.1 with real libcurl against Fixtures/test_http_server.py.
@Suite struct WebhookSenderTests {
    static let secret = Array("whsec_5ecret".utf8)
    static let body = Array(#"{"event":"record.updated","id":"VN-0042","name":"Nguyễn Văn An"}"#.utf8)

    func sender(retries: Int = 0) -> WebhookSender {
        WebhookSender(options: HTTPFetchOptions(
            connectTimeout: 2, timeout: 5, retry: RetryPolicy(retries: retries, baseDelay: 0.01, maxDelay: 0.05),
            userAgent: "lienthong-webhook-test"))
    }

    func delivery(_ url: String, event: String = "evt-1", headers: [String: String] = [:]) -> WebhookDelivery {
        WebhookDelivery(url: url, body: Self.body, eventID: event, headers: headers)
    }

    /// Runs `body` with a fresh server, stopping it even when `body` throws.
    func withServer(_ body: (TestHTTPServer) throws -> Void) throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        try body(server)
    }

    /// The requests the server recorded for `id` (see `/hook-log` in the fixture).
    func hookLog(_ server: TestHTTPServer, id: String, secret: String? = nil) throws -> [[String: Any]] {
        let file = NSTemporaryDirectory() + "lienthong-hook-log-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: file) }
        let query = "/hook-log?id=\(id)" + (secret.map { "&secret=\($0)" } ?? "")
        _ = try HTTPFetcher().fetch(server.url(query), to: file)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        guard let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw TestError("/hook-log did not answer a JSON array of objects")
        }
        return entries
    }

    func headers(_ entry: [String: Any]) -> [String: String] { entry["headers"] as? [String: String] ?? [:] }

    /// The `t=` of a signature header.
    func timestamp(_ signature: String?) -> Int? {
        signature?.split(separator: ",").first { $0.hasPrefix("t=") }.flatMap { Int($0.dropFirst(2)) }
    }

    @Test func deliversTheBodyWithHeadersAndAVerifiableSignature() throws {
        try withServer { server in
            var slept: [Double] = []
            let outcome = sender(retries: 2).send(
                delivery(server.url("/hook?id=ok"), event: "evt-42", headers: ["X-Tenant": "hanoi"]), secret: Self.secret,
                now: { 1_700_000_000 }, sleep: { slept.append($0) })
            #expect(outcome == .delivered(status: 204, attempts: 1))
            #expect(slept.isEmpty)
            let log = try hookLog(server, id: "ok", secret: "whsec_5ecret")
            try #require(log.count == 1)
            let sent = headers(log[0])
            #expect(log[0]["body"] as? String == String(decoding: Self.body, as: UTF8.self))
            #expect(sent["content-type"] == "application/json")
            #expect(sent["x-lienthong-delivery"] == "evt-42")
            #expect(sent["user-agent"] == "lienthong-webhook-test")
            #expect(sent["x-tenant"] == "hanoi")
            #expect(sent["content-length"] == String(Self.body.count))
            #expect(sent["expect"] == nil)
            let signature = try #require(sent["x-lienthong-signature"])
            #expect(timestamp(signature) == 1_700_000_000)
            #expect(WebhookSignature.verify(header: signature, secret: Self.secret, body: Self.body, now: 1_700_000_010))
            #expect(!WebhookSignature.verify(header: signature, secret: Array("other".utf8), body: Self.body, now: 1_700_000_010))
            // Python's hmac module, fed the same timestamp and the bytes it received, computes the same MAC.
            let pythonMAC = try #require(log[0]["expected_v1"] as? String)
            #expect(signature == "t=1700000000,v1=\(pythonMAC)")
        }
    }

    @Test func retriesA503ThenDeliversWithAFreshSignatureEachAttempt() throws {
        try withServer { server in
            var clock = 1_700_000_000
            var slept: [Double] = []
            let outcome = sender(retries: 3).send(
                delivery(server.url("/hook-flaky?id=flaky&fail=2")), secret: Self.secret,
                now: { clock += 1; return clock }, sleep: { slept.append($0) })
            #expect(outcome == .delivered(status: 204, attempts: 3))
            #expect(slept.count == 2)
            #expect(slept.allSatisfy { (0.005...0.05).contains($0) })
            let log = try hookLog(server, id: "flaky")
            #expect(log.count == 3)
            #expect(log.map { headers($0)["x-lienthong-delivery"] } == ["evt-1", "evt-1", "evt-1"])
            #expect(log.map { timestamp(headers($0)["x-lienthong-signature"]) } == [1_700_000_001, 1_700_000_002, 1_700_000_003])
            for entry in log {
                let signature = headers(entry)["x-lienthong-signature"] ?? ""
                #expect(WebhookSignature.verify(header: signature, secret: Self.secret, body: Self.body, now: 1_700_000_003))
            }
        }
    }

    @Test func retries429And408HonouringRetryAfter() throws {
        try withServer { server in
            var slept: [Double] = []
            let throttled = sender(retries: 1).send(
                delivery(server.url("/hook-flaky?id=throttled&fail=1&status=429&retry_after=7")), secret: Self.secret,
                sleep: { slept.append($0) })
            #expect(throttled == .delivered(status: 204, attempts: 2))
            #expect(slept == [7])
            slept = []
            let timedOut = sender(retries: 1).send(
                delivery(server.url("/hook-flaky?id=timeout&fail=1&status=408")), secret: Self.secret, sleep: { slept.append($0) })
            #expect(timedOut == .delivered(status: 204, attempts: 2))
            #expect(slept.count == 1)
        }
    }

    @Test func goneIsReportedAfterOneAttemptWithoutRetrying() throws {
        try withServer { server in
            var slept: [Double] = []
            let outcome = sender(retries: 3).send(delivery(server.url("/hook-gone?id=g")), secret: Self.secret, sleep: { slept.append($0) })
            #expect(outcome == .gone(attempts: 1))
            #expect(slept.isEmpty)
            let requests = try server.count("/hook-gone")
            #expect(requests == 1)
        }
    }

    @Test func aClientErrorIsRejectedAfterOneAttemptWithTheResponseBody() throws {
        try withServer { server in
            var slept: [Double] = []
            let outcome = sender(retries: 3).send(delivery(server.url("/hook-reject?id=r")), secret: Self.secret, sleep: { slept.append($0) })
            guard case .rejected(let status, let body, let attempts) = outcome else { throw TestError("expected rejected, got \(outcome)") }
            #expect(status == 400)
            #expect(attempts == 1)
            #expect(body == "invalid payload: missing field 'id'\nsecond line\n")
            #expect(outcome.description == "rejected with HTTP 400 (1 attempt): invalid payload: missing field 'id'")
            #expect(slept.isEmpty)
            #expect(try server.count("/hook-reject") == 1)
        }
    }

    @Test func aLargeResponseBodyIsDrainedButOnlyItsFirst64KiBKept() throws {
        try withServer { server in
            let outcome = sender().send(delivery(server.url("/hook-reject?id=big&bytes=200000")), secret: Self.secret)
            guard case .rejected(400, let body, 1) = outcome else { throw TestError("expected rejected, got \(outcome)") }
            #expect(body.utf8.count == WebhookSender.responseCaptureLimit)
            #expect(body.allSatisfy { $0 == "z" })
        }
    }

    @Test func aRedirectIsNotFollowedAndReportedAsAFailure() throws {
        try withServer { server in
            var slept: [Double] = []
            let url = server.url("/hook-redirect?id=moved")
            let outcome = sender(retries: 3).send(delivery(url), secret: Self.secret, sleep: { slept.append($0) })
            let expected = WebhookError(url: url, reason: .redirect(status: 307, location: "/hook?id=moved"))
            #expect(outcome == .failed(expected, attempts: 1))
            #expect("\(expected)".contains("HTTP 307 redirect to /hook?id=moved not followed"))
            #expect(slept.isEmpty)
            let forwarded = try server.count("/hook")
            #expect(forwarded == 0, "the redirect target must never receive the POST")
            let log = try hookLog(server, id: "moved")
            #expect(log.map { $0["path"] as? String } == ["/hook-redirect"])
        }
    }

    @Test func aPersistent503FailsAfterTheRetriesNamingURLAndStatus() throws {
        try withServer { server in
            var slept: [Double] = []
            let url = server.url("/hook-flaky?id=down&fail=100")
            let outcome = sender(retries: 2).send(delivery(url), secret: Self.secret, sleep: { slept.append($0) })
            guard case .failed(let error, let attempts) = outcome else { throw TestError("expected failed, got \(outcome)") }
            #expect(attempts == 3)
            #expect(slept.count == 2)
            #expect(error.reason == .status(code: 503, text: "Service Unavailable", body: "try again later\n"))
            #expect("\(error)" == "POST \(url): HTTP 503 Service Unavailable: try again later")
            #expect(try server.count("/hook-flaky") == 3)
        }
    }

    @Test func aRefusedConnectionFailsAfterRetriesPlusOneAttempts() throws {
        let server = try TestHTTPServer()
        let url = server.url("/hook?id=closed")
        server.stop()  // nothing listens on its port any more
        var slept: [Double] = []
        let outcome = sender(retries: 2).send(delivery(url), secret: Self.secret, sleep: { slept.append($0) })
        guard case .failed(let error, let attempts) = outcome, case .transport(let code, _) = error.reason else {
            throw TestError("expected a transport failure, got \(outcome)")
        }
        #expect(code == 7)
        #expect(attempts == 3)
        #expect(slept.count == 2)
        #expect("\(error)".hasPrefix("POST \(url): "))
    }

    @Test func anUnsendableRequestFailsWithoutAnyAttempt() throws {
        try withServer { server in
            let cases: [(WebhookDelivery, String)] = [
                (delivery("ftp://127.0.0.1/hook"), "not an http:// or https:// URL"),
                (delivery(server.url("/hook?id=bad"), event: "evt\r\nX-Injected: 1"), "contains a line break"),
                (delivery(server.url("/hook?id=bad"), headers: ["x-lienthong-signature": "t=1,v1=00"]), "cannot be overridden"),
                (delivery(server.url("/hook?id=bad"), headers: ["Bad Name": "x"]), "not a valid token"),
            ]
            for (request, message) in cases {
                let outcome = sender(retries: 2).send(request, secret: Self.secret)
                guard case .failed(let error, 0) = outcome, case .invalidRequest(let why) = error.reason else {
                    Issue.record("expected an invalid request, got \(outcome)")
                    continue
                }
                #expect(why.contains(message), "\(why)")
            }
            let requests = try server.count("/hook")
            #expect(requests == 0)
        }
    }
}
