import Foundation
import Ingestion
import Testing

/// Real HTTP over 127.0.0.1 with real libcurl against Fixtures/test_http_server.py.
@Suite struct HTTPFetcherTests {
    static let csv = "id,name\n1,Nguyen Van An\n2,Tran Thi Binh\n"

    func fetcher(retries: Int = 0, timeout: Double = 2, maxBytes: Int64? = nil, credentials: HTTPCredentials? = nil) -> HTTPFetcher {
        HTTPFetcher(options: HTTPFetchOptions(
            connectTimeout: 2, timeout: timeout, retry: RetryPolicy(retries: retries, baseDelay: 0.01, maxDelay: 0.05),
            credentials: credentials, maxBytes: maxBytes))
    }

    /// Runs `body` with a fresh server and directory, stopping and removing both even when it throws.
    func withServer(_ body: (TestHTTPServer, TemporaryDirectory) throws -> Void) throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try body(server, directory)
    }

    @Test func downloadsThenAnswersNotModifiedForTheSameETag() throws {
        try withServer { server, directory in
            let url = server.url("/export.csv")
            let outcome = try fetcher().fetch(url, to: "\(directory.path)/body")
            guard case .downloaded(let download) = outcome else { throw TestError("expected a download, got \(outcome)") }
            #expect(download.status == 200)
            #expect(download.bytes == Int64(Self.csv.utf8.count))
            #expect(download.etag == "\"v1\"")
            #expect(download.lastModified == "Wed, 21 Oct 2015 07:28:00 GMT")
            #expect(download.contentType == "text/csv")
            #expect(try directory.read("body") == Self.csv)

            let again = try fetcher().fetch(url, validators: HTTPValidators(etag: "\"v1\""), to: "\(directory.path)/body2")
            #expect(again == .notModified)
            #expect(!directory.exists("body2"))
            let changed = try fetcher().fetch(url, validators: HTTPValidators(etag: "\"v0\""), to: "\(directory.path)/body3")
            #expect(changed != .notModified)
            let byDate = try fetcher().fetch(
                server.url("/lastmod.csv"), validators: HTTPValidators(lastModified: "Wed, 21 Oct 2015 07:28:00 GMT"),
                to: "\(directory.path)/body4")
            #expect(byDate == .notModified)
        }
    }

    @Test func pullStoresValidatorsAndSkipsAnUnchangedExport() throws {
        try withServer { server, directory in
            let url = server.url("/export.csv")
            let checkpoints = MemoryCheckpoints()
            let pull = HTTPPull(fetcher: fetcher())
            let first = try pull.run(url: url, checkpoints: checkpoints, into: directory.path)
            guard case .downloaded(let pages, let updates) = first else { throw TestError("expected pages, got \(first)") }
            #expect(pages.map(\.url) == [url])
            #expect(updates == [
                CheckpointUpdate(key: "etag:\(url)", value: "\"v1\""),
                CheckpointUpdate(key: "last-modified:\(url)", value: "Wed, 21 Oct 2015 07:28:00 GMT"),
            ])
            #expect(try pull.run(url: url, checkpoints: checkpoints, into: directory.path) != .notModified, "nothing committed yet")
            checkpoints.apply(updates)
            #expect(try pull.run(url: url, checkpoints: checkpoints, into: directory.path) == .notModified)
        }
    }

    @Test func retriesAServerErrorThenSucceeds() throws {
        try withServer { server, directory in
            var notices: [HTTPRetryNotice] = []
            let url = server.url("/flaky?id=retry-once&fail=1")
            let outcome = try fetcher(retries: 2).fetch(url, to: "\(directory.path)/body", onRetry: { notices.append($0) })
            guard case .downloaded(let download) = outcome else { throw TestError("expected a download, got \(outcome)") }
            #expect(download.attempts == 2)
            #expect(notices.map(\.problem) == ["HTTP 500 Internal Server Error"])
            #expect(notices.first.map { (0.005...0.01).contains($0.delay) } == true)
            #expect(try directory.read("body") == Self.csv)
        }
    }

    @Test func givesUpOnAPersistentServerErrorNamingURLAndStatus() throws {
        try withServer { server, directory in
            let url = server.url("/always500")
            let error = failure { try fetcher(retries: 2).fetch(url, to: "\(directory.path)/body") }
            #expect(error?.status == 500)
            #expect(error?.attempts == 3)
            #expect(error?.description == "GET \(url): HTTP 500 Internal Server Error (after 3 attempts): database unavailable")
            let requests = try server.count("/always500")
            #expect(requests == 3)
            #expect(!directory.exists("body"))
        }
    }

    @Test func neverRetriesAClientError() throws {
        try withServer { server, directory in
            let url = server.url("/missing.csv")
            let error = failure { try fetcher(retries: 3).fetch(url, to: "\(directory.path)/body") }
            #expect(error?.description == "GET \(url): HTTP 404 Not Found: not found")
            let requests = try server.count("/missing.csv")
            #expect(requests == 1)
        }
    }

    @Test func honoursRetryAfterOn429() throws {
        try withServer { server, directory in
            var slept: [Double] = []
            let outcome = try fetcher(retries: 1).fetch(
                server.url("/throttled?id=t1"), to: "\(directory.path)/body", sleep: { slept.append($0) })
            #expect(slept == [1.0], "Retry-After: 1 raises the 0.01 s back-off to 1 s")
            guard case .downloaded(let download) = outcome else { throw TestError("expected a download") }
            #expect(download.attempts == 2)
        }
    }

    @Test func timesOutASlowServer() throws {
        try withServer { server, directory in
            let url = server.url("/slow?seconds=3")
            let started = Date()
            let error = failure { try fetcher(timeout: 0.5).fetch(url, to: "\(directory.path)/body") }
            #expect(Date().timeIntervalSince(started) < 2)
            guard case .transport(let code, let message)? = error?.reason else {
                throw TestError("expected a transport error, got \(String(describing: error))")
            }
            #expect(code == 28)
            #expect(message.hasPrefix("Operation timed out after 5"))
            #expect(error?.description.hasPrefix("GET \(url): Operation timed out") == true)
            #expect(error?.description.hasSuffix("(curl error 28)") == true)
        }
    }

    /// A server whose accept queue is full drops new connection attempts: only the connect timeout ends the wait.
    @Test func givesUpOnAConnectionThatIsNeverAccepted() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        #expect(bound && listen(listener, 0) == 0)
        // One connection fills the queue of a backlog of 0 (nobody accepts it); the kernel drops the SYNs after it.
        let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(filler) }
        let filled = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, length) == 0 }
        }
        #expect(filled)
        let url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/export.csv"
        let fetcher = HTTPFetcher(options: HTTPFetchOptions(connectTimeout: 0.5, timeout: 20, retry: RetryPolicy(retries: 0, baseDelay: 0.01, maxDelay: 0.05)))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let started = Date()
        let error = failure { try fetcher.fetch(url, to: "\(directory.path)/body") }
        #expect(Date().timeIntervalSince(started) < 5, "the 0.5 s connect timeout ended it, not the 20 s total")
        guard case .transport(let code, let message)? = error?.reason else { throw TestError("expected a transport error, got \(String(describing: error))") }
        #expect(code == 28 && message.lowercased().contains("connect"), "\(message)")
    }

    @Test func refusesABodyOverTheLimit() throws {
        try withServer { server, directory in
            for path in ["/big?bytes=5000", "/big?bytes=5000&stream=1"] {
                let url = server.url(path)
                let error = failure { try fetcher(retries: 2, maxBytes: 1000).fetch(url, to: "\(directory.path)/body") }
                #expect(error?.reason == .bodyTooLarge(limit: 1000), "\(path)")
                #expect(error?.description == "GET \(url): the response body exceeds --max-bytes 1000; transfer aborted")
                #expect(!directory.exists("body"))
            }
            let fits = try fetcher(maxBytes: 5000).fetch(server.url("/big?bytes=5000&stream=1"), to: "\(directory.path)/body")
            guard case .downloaded(let download) = fits else { throw TestError("expected a download") }
            #expect(download.bytes == 5000)
        }
    }

    @Test func followsLinkHeadersThroughEveryPage() throws {
        try withServer { server, directory in
            let outcome = try HTTPPull(fetcher: fetcher()).run(url: server.url("/paged/1"), checkpoints: MemoryCheckpoints(), into: directory.path)
            guard case .downloaded(let pages, _) = outcome else { throw TestError("expected pages") }
            #expect(pages.map(\.url) == ["/paged/1", "/paged/2", "/paged/3"].map(server.url))
            #expect(pages.map(\.path) == (1...3).map { "\(directory.path)/page-\($0).body" })
            #expect(try directory.read("page-3.body").contains("\"p3-1\""))

            let loop = failure { try HTTPPull(fetcher: fetcher()).run(url: server.url("/loop"), checkpoints: MemoryCheckpoints(), into: directory.path) }
            #expect(loop?.description == "GET \(server.url("/loop")): the next-page link \(server.url("/loop")) was already fetched (paging loop)")
        }
    }

    @Test func countsPagesUntilAnEmptyOne() throws {
        try withServer { server, directory in
            let pull = HTTPPull(fetcher: fetcher(), paging: .pageParameter(name: "page", first: 1))
            let outcome = try pull.run(
                url: server.url("/counted?kind=x"), checkpoints: MemoryCheckpoints(), into: directory.path,
                isEmptyPage: { page in
                    let records = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: page.path))) as? [Any]
                    return records?.isEmpty ?? false
                })
            guard case .downloaded(let pages, _) = outcome else { throw TestError("expected pages") }
            #expect(pages.map(\.url) == ["/counted?kind=x&page=1", "/counted?kind=x&page=2"].map(server.url))
            let requests = try server.count("/counted")
            #expect(requests == 3)
            #expect(!directory.exists("page-3.body"))
            let limited = failure {
                try HTTPPull(fetcher: fetcher(), paging: .pageParameter(name: "page", first: 1), maxPages: 1)
                    .run(url: server.url("/counted"), checkpoints: MemoryCheckpoints(), into: directory.path)
            }
            #expect(limited?.reason == .tooManyPages(1))
        }
    }

    @Test func sendsCredentialsReadFromFiles() throws {
        try withServer { server, directory in
            let url = server.url("/auth.csv")
            let error = failure { try fetcher(retries: 2).fetch(url, to: "\(directory.path)/body") }
            #expect(error?.description == "GET \(url): HTTP 401 Unauthorized: bearer token required")
            #expect(error?.attempts == 1)

            try directory.write("token", "secret-token\n")
            let bearer = try HTTPCredentials.bearer(tokenFile: "\(directory.path)/token")
            #expect(try fetcher(credentials: bearer).fetch(url, to: "\(directory.path)/body") != .notModified)
            #expect(try directory.read("body") == Self.csv)

            try directory.write("basic", "reader:pa:ss\n")
            let basic = try HTTPCredentials.basic(file: "\(directory.path)/basic")
            #expect(try fetcher(credentials: basic).fetch(server.url("/basic.csv"), to: "\(directory.path)/body") != .notModified)
            try directory.write("empty", "\n")
            #expect(throws: CredentialFileError.self) { try HTTPCredentials.bearer(tokenFile: "\(directory.path)/empty") }
            #expect(throws: CredentialFileError.self) { try HTTPCredentials.basic(file: "\(directory.path)/token") }
        }
    }

    @Test func aRefusedConnectionIsRetriedThenReported() throws {
        let server = try TestHTTPServer()
        let url = server.url("/export.csv")
        server.stop()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var notices: [HTTPRetryNotice] = []
        let error = failure { try fetcher(retries: 1).fetch(url, to: "\(directory.path)/body", onRetry: { notices.append($0) }) }
        guard case .transport(let code, _)? = error?.reason else {
            throw TestError("expected a transport error, got \(String(describing: error))")
        }
        #expect(code == 7)
        #expect(error?.attempts == 2)
        #expect(notices.count == 1)
        #expect(error?.description.hasPrefix("GET \(url): Failed to connect to 127.0.0.1 port \(server.port)") == true)
        #expect(error?.description.hasSuffix("(curl error 7) (after 2 attempts)") == true)
    }

    @Test func refusesURLsThatAreNotHTTPOrCarryCredentials() {
        let other = failure { try fetcher().fetch("ftp://example.vn/x.csv", to: "/tmp/unused") }
        #expect(other?.description == "ftp://example.vn/x.csv: not an http:// or https:// URL")
        let secret = failure { try fetcher().fetch("https://user:hunter2@example.vn/x.csv", to: "/tmp/unused") }
        #expect(secret?.description == "https://…@example.vn: credentials in the URL are refused; use --basic-auth-file")
        #expect(secret?.description.contains("hunter2") == false)
    }

    @Test func pageParameterIsSetOrReplaced() throws {
        #expect(try HTTPPull.url("https://h/e", setting: "page", to: 1) == "https://h/e?page=1")
        #expect(try HTTPPull.url("https://h/e?page=4&size=50", setting: "page", to: 5) == "https://h/e?page=5&size=50")
    }
}
