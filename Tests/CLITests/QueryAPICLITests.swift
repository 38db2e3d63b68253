import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The query API through `lienthong serve` over real HTTP on 127.0.0.1 (URLSession is libcurl on Linux):
/// keys, jurisdiction scopes, personal-read auditing, ETags, the feed and its bad input.
@Suite struct QueryAPICLITests {
    let steward = StewardCLITests()

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    final class Server {
        let process = Process()
        let port: Int

        init(_ runner: CLIRunner, extra: [String] = []) throws {
            process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
            process.arguments = ["serve", "--listen", "127.0.0.1:0", "--store", runner.store] + extra
            process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.packageRoot)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            port = try CLIRunner.listeningPort(out)
        }

        func get(_ path: String, key: String? = nil, headers: [String: String] = [:]) throws -> Response {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.timeoutInterval = 30
            if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var result: Response?
            let task = URLSession.shared.dataTask(with: request) { data, response, _ in
                if let http = response as? HTTPURLResponse {
                    let fields = Dictionary(http.allHeaderFields.map { ("\($0.key)".lowercased(), "\($0.value)") }, uniquingKeysWith: { a, _ in a })
                    result = Response(status: http.statusCode, headers: fields, body: data ?? Data())
                }
                done.signal()
            }
            task.resume()
            done.wait()
            guard let result else { throw CLIRunner.CLIError(message: "no response for \(path)") }
            return result
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }
    }

    func key(_ runner: CLIRunner, role: String, jurisdiction: String) throws -> (id: String, token: String) {
        let created = try steward.json(
            try runner.run(["keys", "create", "--role", role, "--jurisdiction", jurisdiction, "--json", "--store", runner.store])) as? [String: Any]
        return (try #require(created?["id"] as? String), try #require(created?["token"] as? String))
    }

    @Test func keysScopesAuditAndBadInputOverRealHTTP() throws {
        let runner = try steward.prepared()
        let national = try key(runner, role: "reader", jurisdiction: "national")
        let operatorKey = try key(runner, role: "operator", jurisdiction: "national")
        let report = try steward.json(try runner.run(["report", "quality", "--json", "--store", runner.store])) as? [String: Any]
        // The commune with the most persons.
        let communes = (report?["communes"] as? [[String: Any]] ?? []).filter { !($0["code"] as? String ?? "").isEmpty }
        let persons = { (commune: [String: Any]) in (commune["figures"] as? [String: Any])?["persons"] as? Int ?? 0 }
        let commune = try #require(communes.max { persons($0) < persons($1) }?["code"] as? String)
        let communeKey = try key(runner, role: "reader", jurisdiction: commune)
        let server = try Server(runner)
        let purpose = ["X-Purpose": "test: citizen service request 42"]

        #expect(try server.get("/livez").status == 200)
        #expect(try server.get("/readyz").status == 200)
        let missing = try server.get("/v1/persons/P-1")
        #expect(missing.status == 401 && missing.headers["content-type"] == "application/problem+json")
        #expect(try server.get("/v1/persons/P-1", key: "lt_0000000000000000_" + String(repeating: "0", count: 64)).status == 401)

        // A person in the commune, and one outside it.
        let inside = try #require(
            try server.get("/v1/persons/search?name=nguyen&commune=\(commune)&limit=100", key: national.token, headers: purpose).json["results"]
                as? [[String: Any]])
        let all = try #require(try server.get("/v1/persons/search?name=nguyen&limit=100", key: national.token, headers: purpose).json["results"] as? [[String: Any]])
        let insideIDs = Set(inside.compactMap { $0["entityID"] as? String })
        let outside = try #require(all.compactMap { $0["entityID"] as? String }.first { !insideIDs.contains($0) })
        let person = try #require(insideIDs.sorted().first ?? nil, "a Nguyễn in commune \(commune)")

        let read = try server.get("/v1/persons/\(person)", key: national.token, headers: purpose)
        #expect(read.status == 200 && read.json["entityID"] as? String == person)
        let etag = try #require(read.headers["etag"])
        #expect(try server.get("/v1/persons/\(person)", key: national.token, headers: purpose.merging(["If-None-Match": etag]) { a, _ in a }).status == 304)
        #expect(try server.get("/v1/persons/\(person)", key: national.token).status == 400, "X-Purpose is required")
        #expect(try server.get("/v1/persons/\(person)", key: communeKey.token, headers: purpose).status == 200)
        let hidden = try server.get("/v1/persons/\(outside)", key: communeKey.token, headers: purpose)
        #expect(hidden.status == 404, "outside the jurisdiction looks exactly like missing")
        #expect(try server.get("/v1/persons/P-doesnotexist", key: communeKey.token, headers: purpose).status == 404)

        // Who read it: operators only.
        #expect(try server.get("/v1/persons/\(person)/access-log", key: national.token).status == 403)
        let log = try server.get("/v1/persons/\(person)/access-log", key: operatorKey.token)
        let reads = log.json["reads"] as? [[String: Any]] ?? []
        #expect(reads.contains { $0["keyID"] as? String == national.id && $0["purpose"] as? String == purpose["X-Purpose"] })
        #expect(reads.contains { $0["keyID"] as? String == communeKey.id })
        let verified = try runner.run(["audit", "verify", "--store", runner.store])
        #expect(verified.status == 0 && verified.stdout.contains("intact"), "\(verified.stdout)")

        // The feed: pages, a resumable cursor, scoped; bad cursors and limits are refused.
        let page = try server.get("/v1/feed?after=0&limit=5", key: national.token)
        let events = page.json["events"] as? [[String: Any]] ?? []
        #expect(events.count == 5 && page.json["next"] as? Int == events.last?["sequence"] as? Int)
        let scoped = try server.get("/v1/feed?after=0&limit=1000", key: communeKey.token).json["events"] as? [[String: Any]] ?? []
        let all1000 = try server.get("/v1/feed?after=0&limit=1000", key: national.token).json["events"] as? [[String: Any]] ?? []
        #expect(!scoped.isEmpty && scoped.count < all1000.count)
        for query in ["after=abc", "after=-1", "limit=0", "limit=1000000", "wait=3600"] {
            let bad = try server.get("/v1/feed?\(query)", key: national.token)
            #expect(bad.status == 400 && bad.headers["content-type"] == "application/problem+json", "\(query)")
        }
        let started = Date()
        let polled = try server.get("/v1/feed?after=999999999&wait=1", key: national.token)
        #expect(polled.status == 200 && (polled.json["events"] as? [Any])?.isEmpty == true)
        #expect(Date().timeIntervalSince(started) >= 0.9, "an empty feed long-polls until the wait ends")

        // Revocation takes effect on the next request.
        #expect(try runner.run(["keys", "revoke", national.id, "--store", runner.store]).status == 0)
        #expect(try server.get("/v1/feed", key: national.token).status == 401)
        #expect(try server.get("/v1/openapi.json").json["openapi"] as? String == "3.1.0")
    }
}
