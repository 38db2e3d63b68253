import Foundation
import Synchronization
import Testing

@testable import HTTPServer

@Suite("HTTPServer requests and limits", .serialized)
struct HTTPServerRequestTests {
    @Test func getDecodesPathAndQueryAndKeepsRawTarget() throws {
        let server = try startedServer(handler: echoHandler)
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let target = "/ho%20so/Nguy%E1%BB%85n?x=1&name=V%C4%83n+An&flag&x=2"
        try client.send("GET \(target) HTTP/1.1\r\nHost: test\r\nX-Custom: yes\r\n\r\n")
        let response = try client.readResponse()
        let json = response.jsonObject
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        #expect(json["method"] as? String == "GET")
        #expect(json["path"] as? String == "/ho so/Nguyễn")
        #expect(json["target"] as? String == target)
        #expect(json["query"] as? [[String]] == [["x", "1"], ["name", "Văn An"], ["flag", ""], ["x", "2"]])
        #expect(json["x"] as? String == "1")
        #expect(json["custom"] as? String == "yes")
        #expect(json["client"] as? String == "127.0.0.1")
    }

    @Test func postBodyIsEchoed() throws {
        let server = try startedServer(handler: echoHandler)
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let body = String(repeating: "dữ liệu ", count: 5000)  // several upload chunks
        let length = body.utf8.count
        try client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: \(length)\r\n\r\n\(body)")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.jsonObject["method"] as? String == "POST")
        #expect(response.jsonObject["body"] as? String == body)
        expectNoLeakedRequestContexts(server)
    }

    @Test func twoRequestsOnOneConnectionAreBothAnswered() throws {
        let server = try startedServer(handler: echoHandler)
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /first HTTP/1.1\r\nHost: test\r\n\r\n")
        let first = try client.readResponse()
        try client.send("POST /second HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\nhi")
        let second = try client.readResponse()
        #expect(first.status == 200)
        #expect(first.header("Connection")?.lowercased() != "close")
        #expect(first.jsonObject["path"] as? String == "/first")
        #expect(second.jsonObject["path"] as? String == "/second")
        #expect(second.jsonObject["body"] as? String == "hi")
    }

    @Test func declaredOversizedBodyGets413ProblemAndServerKeepsServing() throws {
        let configuration = HTTPServerConfiguration(maxRequestBodyBytes: 1024)
        let server = try startedServer(configuration, handler: echoHandler)
        defer { server.stop() }
        let greedy = try RawHTTPClient(port: server.port)
        // Only the headers are sent: the answer must not wait for the 10 MB body.
        try greedy.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 10000000\r\n\r\n")
        let refused = try greedy.readResponse()
        #expect(refused.status == 413)
        #expect(refused.header("Content-Type") == "application/problem+json")
        #expect(refused.jsonObject["status"] as? Int == 413)
        #expect(refused.jsonObject["title"] as? String == "Content Too Large")
        #expect(refused.jsonObject["type"] as? String == "about:blank")

        let next = try RawHTTPClient(port: server.port)
        try next.send("POST /small HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nsmall")
        let served = try next.readResponse()
        #expect(served.status == 200)
        #expect(served.jsonObject["body"] as? String == "small")
        expectNoLeakedRequestContexts(server)
    }

    @Test func chunkedUploadOverTheLimitIsCutOff() throws {
        let configuration = HTTPServerConfiguration(maxRequestBodyBytes: 1024)
        let handled = Counter()
        let server = try startedServer(configuration) { request in
            handled.increment()
            return echoHandler(request)
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let chunk = String(repeating: "a", count: 4096)
        try client.send("POST /upload HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n\(chunk)\r\n")
        // No answer can be queued mid-body in MHD 0.9.75, so the connection is closed without the handler running.
        #expect(client.waitForClose())
        #expect(handled.value == 0)
        expectNoLeakedRequestContexts(server)
    }

    @Test func oversizedHeadersAreRefusedByMHD() throws {
        let configuration = HTTPServerConfiguration(connectionMemoryLimitBytes: 8192)
        let server = try startedServer(configuration, handler: echoHandler)
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let huge = String(repeating: "v", count: 16 * 1024)
        try client.send("GET /big HTTP/1.1\r\nHost: test\r\nX-Huge: \(huge)\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 431)
        expectNoLeakedRequestContexts(server)

        let next = try RawHTTPClient(port: server.port)
        try next.send("GET /ok HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(try next.readResponse().status == 200)
    }

    @Test func slowClientIsCutOffWhileOthersAreServed() throws {
        let configuration = HTTPServerConfiguration(connectionTimeoutSeconds: 1)
        let server = try startedServer(configuration, handler: echoHandler)
        defer { server.stop() }
        let slow = try RawHTTPClient(port: server.port)
        try slow.send("GET /slow HTTP/1.1\r\nHost: te")

        let other = try RawHTTPClient(port: server.port)
        try other.send("GET /fast HTTP/1.1\r\nHost: test\r\n\r\n")
        let served = try other.readResponse()
        #expect(served.status == 200)
        #expect(served.jsonObject["path"] as? String == "/fast")

        #expect(slow.waitForClose(), "the half-sent request should be closed by the connection timeout")
        expectNoLeakedRequestContexts(server)
    }

    @Test func invalidHandlerStatusBecomes500Problem() throws {
        let server = try startedServer { _ in .respond(HTTPResponse(status: 42, body: Array("odd".utf8))) }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 500)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.jsonObject["status"] as? Int == 500)
    }
}

/// A thread-safe counter for handler invocations.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
