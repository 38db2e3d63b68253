import Foundation
import Testing

@testable import HTTPServer

@Suite("HTTPServer lifecycle", .serialized)
struct HTTPServerLifecycleTests {
    @Test func startOnATakenPortThrows() throws {
        let first = try startedServer(handler: echoHandler)
        defer { first.stop() }
        let second = HTTPServer(configuration: HTTPServerConfiguration(port: first.port), handler: echoHandler)
        #expect(throws: HTTPServerError.self) { try second.start() }
        #expect(second.port == 0)
        do {
            try second.start()
        } catch let error as HTTPServerError {
            #expect(error.description.contains("\(first.port)"))
        }
    }

    @Test func stopTwiceIsFineAndTheListenSocketIsClosed() throws {
        let server = try startedServer(handler: echoHandler)
        let port = server.port
        let client = try RawHTTPClient(port: port)
        try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        server.stop()
        server.stop()
        #expect(server.port == 0)
        #expect(throws: RawHTTPClient.Failure.self) { _ = try RawHTTPClient(port: port) }
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test func invalidHostIsRejected() {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "localhost"), handler: echoHandler)
        #expect(throws: HTTPServerError.invalidHost("localhost")) { try server.start() }
    }
}
