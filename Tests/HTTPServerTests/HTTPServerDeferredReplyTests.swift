import Foundation
import Synchronization
import Testing

@testable import HTTPServer

@Suite("HTTPServer long-poll and streaming replies", .serialized)
struct HTTPServerDeferredReplyTests {
    @Test func laterIsAnsweredFromAnotherThread() throws {
        let server = try startedServer { request in
            let pending = HTTPPendingResponse()
            afterDelay(0.3) { pending.complete(.text("late answer for \(request.path)")) }
            return .later(pending)
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /wait HTTP/1.1\r\nHost: test\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "late answer for /wait")
        // The connection survives the suspension: a second request on it is answered too.
        try client.send("GET /again HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(try client.readResponse().text == "late answer for /again")
        expectNoLeakedRequestContexts(server)
    }

    @Test func laterCompletedInsideTheHandlerIsSentAtOnce() throws {
        let server = try startedServer { _ in
            let pending = HTTPPendingResponse()
            pending.complete(.json(status: 201, #"{"ok":true}"#))
            return .later(pending)
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 201)
        #expect(response.text == #"{"ok":true}"#)
    }

    @Test func streamDeliversThreeChunksInOrderThenEnds() throws {
        let server = try startedServer { _ in
            let stream = HTTPResponseStream()
            Thread.detachNewThread {
                for event in ["data: one\n\n", "data: two\n\n", "data: three\n\n"] {
                    usleep(150_000)
                    stream.send(event)
                }
                usleep(150_000)
                stream.finish()
            }
            return .stream(status: 200, headers: [HTTPHeader("Content-Type", "text/event-stream")], stream: stream)
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /events HTTP/1.1\r\nHost: test\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/event-stream")
        #expect(response.header("Transfer-Encoding")?.lowercased() == "chunked")
        #expect(response.text == "data: one\n\ndata: two\n\ndata: three\n\n")
        expectNoLeakedRequestContexts(server)
    }

    @Test func streamNoticesTheClientLeaving() throws {
        let streams = Mutex<[HTTPResponseStream]>([])
        let server = try startedServer { _ in
            let stream = HTTPResponseStream()
            stream.send("hello\n")
            streams.withLock { $0.append(stream) }
            return .stream(status: 200, headers: [], stream: stream)
        }
        defer { server.stop() }
        do {
            let client = try RawHTTPClient(port: server.port)
            try client.send("GET /events HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(eventually { streams.withLock { $0.count } == 1 })
        }  // the client socket is closed here
        let stream = try #require(streams.withLock { $0.first })
        // The server only learns of the disconnect when it writes again.
        let noticed = eventually {
            stream.send("ping\n")
            return stream.isClosed
        }
        #expect(noticed)
        #expect(!stream.send("after close\n"))
        expectNoLeakedRequestContexts(server)
    }

    @Test func stopAnswersPendingLongPollWith503() throws {
        let handlerCalls = Counter()
        let server = try startedServer { _ in
            handlerCalls.increment()
            return .later(HTTPPendingResponse())  // never completed by anyone
        }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /forever HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(eventually { handlerCalls.value == 1 })
        usleep(50_000)  // let the worker suspend the connection
        server.stop()
        let response = try client.readResponse()
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(server.liveRequestContexts == 0)
    }

    @Test func stopEndsAnIdleStream() throws {
        let streams = Mutex<[HTTPResponseStream]>([])
        let server = try startedServer { _ in
            let stream = HTTPResponseStream()
            stream.send("first\n")
            streams.withLock { $0.append(stream) }
            return .stream(status: 200, headers: [], stream: stream)
        }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /events HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(eventually { streams.withLock { $0.count } == 1 })
        usleep(50_000)
        server.stop()
        let response = try client.readResponse()
        #expect(response.text == "first\n")
        #expect(streams.withLock { $0.first?.isClosed } == true)
        #expect(server.liveRequestContexts == 0)
    }
}

/// Runs `work` on a fresh thread after `seconds`. Tests block the Swift concurrency / GCD threads
/// while they wait on sockets, and Linux GCD does not add threads, so GCD timers could be starved.
func afterDelay(_ seconds: Double, _ work: @escaping @Sendable () -> Void) {
    Thread.detachNewThread {
        usleep(UInt32(seconds * 1_000_000))
        work()
    }
}
