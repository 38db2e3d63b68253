import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Webhook subscriptions through the real binary, delivering with real libcurl to the connector tests' Python
/// server on 127.0.0.1, which records each request and checks its HMAC independently of the Swift code.
@Suite struct WebhookCLITests {
    let steward = StewardCLITests()
    let api = QueryAPICLITests()

    func add(_ runner: CLIRunner, key: String, url: String, after: String? = "0") throws -> (id: String, secret: String) {
        let result = try runner.run(["webhooks", "add", "--key", key, "--url", url, "--json", "--store", runner.store] + (after.map { ["--after", $0] } ?? []))
        #expect(result.status == 0, "\(result.stderr)")
        let created = try steward.json(result) as? [String: Any]
        return (try #require(created?["id"] as? String), try #require(created?["secret"] as? String))
    }

    /// The events of every successful (2xx-answered) request, in order, after checking each request's signature.
    func deliveredEvents(_ log: [[String: Any]], succeeded: (Int) -> Bool = { _ in true }) throws -> [[String: Any]] {
        var events: [[String: Any]] = []
        for (index, entry) in log.enumerated() {
            let headers = entry["headers"] as? [String: String] ?? [:]
            let signature = try #require(headers["x-lienthong-signature"])
            let v1 = signature.split(separator: ",").first { $0.hasPrefix("v1=") }.map { String($0.dropFirst(3)) }
            #expect(v1 != nil && v1 == entry["expected_v1"] as? String, "the HMAC-SHA256 signature verifies")
            #expect(headers["content-type"] == "application/cloudevents-batch+json")
            #expect(headers["x-lienthong-delivery"]?.hasPrefix("wh_") == true)
            guard succeeded(index) else { continue }
            let body = try #require((entry["body"] as? String)?.data(using: .utf8))
            events += try #require(try JSONSerialization.jsonObject(with: body) as? [[String: Any]])
        }
        return events
    }

    @Test func subscriptionsDeliverSignedBatchesOnceInOrderWithinTheKeysJurisdiction() throws {
        let runner = try steward.prepared()
        let receiver = try ConnectorTests.FileServer(root: runner.directory)
        let national = try api.key(runner, role: "reader", jurisdiction: "national")
        let status = try steward.json(try runner.run(["status", "--json", "--store", runner.store])) as? [String: Any]
        let head = try #require(status?["feedHead"] as? Int)
        #expect(head > 100, "the prepared store has a feed of several batches")

        // Everything from 0: every event exactly once, in order, in signed batches of at most 100.
        let all = try add(runner, key: national.id, url: receiver.url("/hook?id=all"))
        let deliver = try runner.run(["webhooks", "deliver", "--store", runner.store])
        #expect(deliver.status == 0, "\(deliver.stdout)\(deliver.stderr)")
        #expect(deliver.stdout.contains("\(all.id): delivered \(head) events through \(head); caught up"), "\(deliver.stdout)")
        let log = try receiver.log("all", secret: all.secret)
        #expect(log.count == (head + 99) / 100)
        let sequences = try deliveredEvents(log).compactMap { $0["sequence"] as? Int }
        #expect(sequences == Array(1...head))
        // A second run sends nothing: the cursor was persisted.
        #expect(try runner.run(["webhooks", "deliver", "--store", runner.store]).stdout.contains("\(all.id): caught up"))
        #expect(try receiver.log("all", secret: all.secret).count == log.count)
        // The default start is the current head: a new subscription gets nothing old.
        let fresh = try add(runner, key: national.id, url: receiver.url("/hook?id=fresh"), after: nil)
        _ = try runner.run(["webhooks", "deliver", "--store", runner.store])
        #expect(try receiver.log("fresh", secret: fresh.secret).isEmpty)

        // A commune key's subscription gets exactly its feed: the events GET /v1/feed shows that key.
        let report = try steward.json(try runner.run(["report", "quality", "--json", "--store", runner.store])) as? [String: Any]
        let communes = (report?["communes"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }.filter { !$0.isEmpty }
        let commune = try #require(communes.first)
        let communeKey = try api.key(runner, role: "reader", jurisdiction: commune)
        let scoped = try add(runner, key: communeKey.id, url: receiver.url("/hook?id=scoped"))
        #expect(try runner.run(["webhooks", "deliver", "--store", runner.store]).status == 0)
        let scopedSequences = try deliveredEvents(try receiver.log("scoped", secret: scoped.secret)).compactMap { $0["sequence"] as? Int }
        let server = try QueryAPICLITests.Server(runner)
        var expected: [Int] = []
        var cursor = 0
        while true {
            let page = try server.get("/v1/feed?after=\(cursor)&limit=1000", key: communeKey.token).json
            expected += (page["events"] as? [[String: Any]] ?? []).compactMap { $0["sequence"] as? Int }
            guard let next = page["next"] as? Int, next > cursor, next < head else { break }
            cursor = next
        }
        #expect(!scopedSequences.isEmpty && scopedSequences.count < head)
        #expect(scopedSequences == expected)
    }

    @Test func failuresBackOffGoneEndsRevokedKeyDisablesAndServeDelivers() throws {
        let runner = try steward.prepared()
        let receiver = try ConnectorTests.FileServer(root: runner.directory)
        let national = try api.key(runner, role: "reader", jurisdiction: "national")

        // 503 once: the run fails and backs off; the same batch is delivered after 'resume', nothing lost.
        let flaky = try add(runner, key: national.id, url: receiver.url("/hook-flaky?id=flaky&fail=1"))
        let first = try runner.run(["webhooks", "deliver", "--store", runner.store])
        #expect(first.status == 1 && first.stdout.contains("HTTP 503"), "\(first.stdout)")
        let listed = try steward.json(try runner.run(["webhooks", "list", "--json", "--store", runner.store])) as? [[String: Any]] ?? []
        let row = try #require(listed.first { $0["id"] as? String == flaky.id })
        #expect(row["failures"] as? Int == 1 && row["nextAttemptAt"] is String && row["cursor"] as? Int == 0)
        #expect(row["secret"] == nil, "the secret is shown only at creation")
        #expect(try runner.run(["webhooks", "deliver", "--store", runner.store]).stdout.contains("backing off"))
        #expect(try runner.run(["webhooks", "resume", flaky.id, "--store", runner.store]).status == 0)
        #expect(try runner.run(["webhooks", "deliver", "--store", runner.store]).status == 0)
        let flakyLog = try receiver.log("flaky", secret: flaky.secret)
        let ids = flakyLog.compactMap { ($0["headers"] as? [String: String])?["x-lienthong-delivery"] }
        #expect(ids.count >= 2 && ids[0] == ids[1], "the retried batch keeps its delivery id")
        let sequences = try deliveredEvents(flakyLog, succeeded: { $0 > 0 }).compactMap { $0["sequence"] as? Int }
        #expect(sequences.first == 1 && sequences == Array(1...(sequences.last ?? 0)))

        // 410: the subscription ends and is not called again.
        let gone = try add(runner, key: national.id, url: receiver.url("/hook-gone?id=gone"))
        #expect(try runner.run(["webhooks", "deliver", "--store", runner.store]).stdout.contains("\(gone.id): gone"))
        _ = try runner.run(["webhooks", "deliver", "--store", runner.store])
        #expect(try receiver.log("gone", secret: gone.secret).count == 1)

        // A revoked key disables its subscriptions before anything is sent.
        let reader = try api.key(runner, role: "reader", jurisdiction: "national")
        let revoked = try add(runner, key: reader.id, url: receiver.url("/hook?id=revoked"))
        #expect(try runner.run(["keys", "revoke", reader.id, "--store", runner.store]).status == 0)
        #expect(try runner.run(["webhooks", "deliver", "--store", runner.store]).stdout.contains("\(revoked.id): disabled"))
        #expect(try receiver.log("revoked", secret: revoked.secret).isEmpty)

        // Bad input is refused.
        for bad in [["--url", "ftp://x/y"], ["--url", "http://user:pw@127.0.0.1/x"], ["--url", receiver.url("/x"), "--after", "-1"]] {
            let result = try runner.run(["webhooks", "add", "--key", national.id, "--store", runner.store] + bad)
            #expect(result.status == 2, "\(bad): \(result.stderr)")
        }
        #expect(try runner.run(["webhooks", "add", "--key", "0000000000000000", "--url", receiver.url("/x"), "--store", runner.store]).status == 2)

        // 'serve' delivers by itself: a subscription made while it runs is caught up within seconds.
        let server = try QueryAPICLITests.Server(runner)
        let live = try add(runner, key: national.id, url: receiver.url("/hook?id=live"))
        let deadline = Date().addingTimeInterval(20)
        var received: [Int] = []
        while Date() < deadline {
            received = try deliveredEvents(try receiver.log("live", secret: live.secret)).compactMap { $0["sequence"] as? Int }
            if received.count == sequences.count { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(received == sequences, "serve delivered the whole feed")
        _ = server
    }
}

extension ConnectorTests.FileServer {
    /// The webhook requests recorded for `id`, each with `expected_v1` computed in Python under `secret`.
    func log(_ id: String, secret: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(string: url("/hook-log?id=\(id)&secret=\(secret)"))!)
        return try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
    }
}
