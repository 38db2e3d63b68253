import Foundation
import Testing

/// The query API through `lienthong serve` against identifier lookups, a tampered access log, oversized bodies and
/// a client that stalls mid-request — over real TCP on 127.0.0.1.
@Suite struct QueryAPIAbuseCLITests {
    let steward = StewardCLITests()
    let api = QueryAPICLITests()

    /// A raw TCP connection to 127.0.0.1 (for requests URLSession will not send: partial ones).
    final class RawConnection {
        let socket: Int32

        init(port: Int) throws {
            socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw CLIRunner.CLIError(message: "connect failed: \(errno)") }
            var timeout = timeval(tv_sec: 20, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        func send(_ text: String) { send(Array(text.utf8)) }

        func send(_ bytes: [UInt8]) {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard sent > 0 else { return }
                offset += sent
            }
        }

        /// Everything until the server closes the connection (or 20 s pass), and whether it closed.
        func readToEnd() -> (text: String, closed: Bool) {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
                if count < 0 { return (String(decoding: received, as: UTF8.self), false) }
                received += buffer[0..<count]
            }
        }

        deinit { close(socket) }
    }

    @Test func identifierLookupsByTwelveAndNineDigitNumbers() throws {
        let runner = try steward.prepared()
        let national = try api.key(runner, role: "reader", jurisdiction: "national")
        let server = try QueryAPICLITests.Server(runner)
        let purpose = ["X-Purpose": "test: lookup by number"]
        // The land register names owners by CCCD (12 digits) or by old CMND (9 digits).
        let rows = try String(contentsOfFile: "\(runner.directory)/data/land.csv", encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let cccd = try #require(rows.first { $0.count > 11 && $0[10] == "CCCD" && $0[11].count == 12 }?[11])
        let cmnd = try #require(rows.first { $0.count > 11 && $0[10] == "CMND" && $0[11].count == 9 }?[11])
        for number in [cccd, cmnd] {
            let found = try server.get("/v1/persons?id_number=\(number)", key: national.token, headers: purpose)
            #expect(found.status == 200)
            let results = found.json["results"] as? [[String: Any]] ?? []
            #expect(results.count >= 1, "a person carries \(number)")
        }
        for bad in ["12345", "1234567890", "12345678901a"] {
            #expect(try server.get("/v1/persons?id_number=\(bad)", key: national.token, headers: purpose).status == 400, "\(bad)")
        }
        #expect(try server.get("/v1/persons?id_number=\(cmnd)", key: national.token).status == 400, "X-Purpose is required")
        let none = try server.get("/v1/persons?id_number=000000000", key: national.token, headers: purpose).json["results"] as? [Any]
        #expect(none?.isEmpty == true)
    }

    @Test func aTamperedAccessLogIsReportedAtTheFirstBrokenEntry() throws {
        let runner = try steward.prepared()
        let national = try api.key(runner, role: "reader", jurisdiction: "national")
        let server = try QueryAPICLITests.Server(runner)
        let search = try server.get("/v1/persons/search?name=nguyen&limit=5", key: national.token, headers: ["X-Purpose": "test: audit"])
        #expect(search.status == 200)
        for result in search.json["results"] as? [[String: Any]] ?? [] {
            let id = try #require(result["entityID"] as? String)
            #expect(try server.get("/v1/persons/\(id)", key: national.token, headers: ["X-Purpose": "test: audit"]).status == 200)
        }
        let intact = try runner.run(["audit", "verify", "--json", "--store", runner.store])
        let entries = (try steward.json(intact) as? [String: Any])?["entries"] as? Int ?? 0
        #expect(intact.status == 0 && entries >= 6, "\(intact.stdout)")

        try CLIRunner.execute(runner.store + "-access", "UPDATE access_log SET purpose = 'nothing to see' WHERE sequence = 3;")
        let edited = try runner.run(["audit", "verify", "--store", runner.store])
        #expect(edited.status == 1 && edited.stdout.contains("BROKEN at entry 3"), "\(edited.stdout)")

        try CLIRunner.execute(runner.store + "-access", "UPDATE access_log SET purpose = 'test: audit' WHERE sequence = 3; DELETE FROM access_log WHERE sequence = 4;")
        let deleted = try runner.run(["audit", "verify", "--store", runner.store])
        #expect(deleted.status == 1 && deleted.stdout.contains("BROKEN at entry 5"), "\(deleted.stdout)")
    }

    @Test func oversizedBodiesAndStalledClientsAreCutOffWhileOthersAreServed() throws {
        let runner = try CLIRunner()
        _ = try runner.run(["status", "--store", runner.store])
        let server = try QueryAPICLITests.Server(runner, extra: ["--idle-timeout", "2", "--max-body", "1024"])

        // A client that sends half a request and stalls: the server keeps serving others, then cuts it off.
        let stalled = try RawConnection(port: server.port)
        stalled.send("GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        for _ in 0..<5 { #expect(try server.get("/livez").status == 200) }
        let started = Date()
        let cut = stalled.readToEnd()
        #expect(cut.closed, "the stalled connection is closed")
        #expect(Date().timeIntervalSince(started) < 10)

        // A body over the limit is refused with 413 before it is read.
        let big = try RawConnection(port: server.port)
        big.send("POST /v1/feed HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000000\r\nContent-Type: application/json\r\n\r\n")
        big.send([UInt8](repeating: 0x20, count: 4096))
        let refused = big.readToEnd().text
        #expect(refused.hasPrefix("HTTP/1.1 413"), "\(refused.prefix(200))")

        // Headers larger than the connection's memory are refused too; the server still answers afterwards.
        let huge = try RawConnection(port: server.port)
        huge.send("GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "a", count: 100_000))\r\n\r\n")
        let answer = huge.readToEnd().text
        #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 431") || answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
        #expect(try server.get("/livez").status == 200)
    }
}
