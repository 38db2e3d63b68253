import Domain
import Foundation
import HTTPServer
import Publication
import Storage
import Synchronization

/// `GET /v1/feed`: pages of CloudEvents after a cursor; long-poll (`wait=SECONDS`) when there is nothing yet;
/// `text/event-stream` when asked (resuming from `Last-Event-ID`). One watcher thread polls the feed head (cheap)
/// and wakes waiting requests and streams — no request thread ever blocks, and events written by another process
/// (a CLI ingest) are seen within the poll interval.
final class FeedWaiters: Sendable {
    let store: any Store
    let encoder: CloudEventEncoder
    private let state = Mutex(State())
    static let pollInterval: Double = 0.1
    static let keepAliveSeconds: Double = 15

    private struct Waiter {
        var pending: HTTPPendingResponse
        var after: Int64
        var limit: Int
        var jurisdiction: Jurisdiction
        var deadline: Date
    }

    private struct Subscriber {
        var stream: HTTPResponseStream
        var cursor: Int64
        var jurisdiction: Jurisdiction
        var lastWrite: Date
    }

    private struct State {
        var waiters: [Waiter] = []
        var subscribers: [Subscriber] = []
        var running = false
        var draining = false
    }

    init(store: any Store, source: String) {
        self.store = store
        encoder = CloudEventEncoder(source: source)
    }

    var isDraining: Bool { state.withLock { $0.draining } }

    /// Marks the server as draining (`/readyz` 503, long-polls answered at once) before `stop()`.
    func beginDraining() { state.withLock { $0.draining = true } }

    func start() {
        let begin = state.withLock { state -> Bool in
            guard !state.running else { return false }
            state.running = true
            return true
        }
        guard begin else { return }
        let thread = Thread { [self] in watch() }
        thread.name = "lienthong-feed-watcher"
        thread.start()
    }

    /// Answers every waiting long-poll with what there is and ends every stream.
    func stop() {
        let (waiters, subscribers) = state.withLock { state -> ([Waiter], [Subscriber]) in
            state.running = false
            state.draining = true
            defer {
                state.waiters = []
                state.subscribers = []
            }
            return (state.waiters, state.subscribers)
        }
        for waiter in waiters { waiter.pending.complete(page(after: waiter.after, limit: waiter.limit, waiter.jurisdiction).response) }
        for subscriber in subscribers { subscriber.stream.finish() }
    }

    func reply(_ request: HTTPRequest, key: APIKey) throws -> HTTPReply {
        let streaming = request.header("Accept")?.contains("text/event-stream") ?? false
        let cursorText = request.query("after") ?? (streaming ? request.header("Last-Event-ID") : nil)
        var after: Int64 = 0
        if let cursorText {
            guard let value = Int64(cursorText), value >= 0 else {
                throw APIProblem.badRequest("after must be a feed sequence (a non-negative integer), not '\(cursorText.prefix(40))'")
            }
            after = value
        }
        let limit = try QueryAPI.integer(request, "limit", default: 100, range: 1...1_000)
        let wait = try QueryAPI.integer(request, "wait", default: 0, range: 0...60)
        if streaming {
            let stream = HTTPResponseStream()
            stream.send(": lienthong feed from \(after)\n\n")
            state.withLock { $0.subscribers.append(Subscriber(stream: stream, cursor: after, jurisdiction: key.jurisdiction, lastWrite: Date())) }
            let headers = [HTTPHeader("Content-Type", "text/event-stream"), HTTPHeader("Cache-Control", "no-cache")]
            return .stream(status: 200, headers: headers, stream: stream)
        }
        let first = page(after: after, limit: limit, key.jurisdiction)
        guard first.events.isEmpty, wait > 0, !isDraining else { return .respond(first.response) }
        let pending = HTTPPendingResponse()
        state.withLock {
            $0.waiters.append(
                Waiter(pending: pending, after: first.next, limit: limit, jurisdiction: key.jurisdiction, deadline: Date().addingTimeInterval(Double(wait))))
        }
        return .later(pending)
    }

    struct Page {
        var events: [FeedEvent]
        var next: Int64
        var lines: [String]

        var response: HTTPResponse {
            .json("{\"events\":[" + lines.joined(separator: ",") + "],\"next\":\(next)}")
        }
    }

    func page(after: Int64, limit: Int, _ jurisdiction: Jurisdiction) -> Page {
        guard let (events, scanned) = try? store.read({ try $0.feed(after: after, limit: limit, within: jurisdiction) }) else {
            return Page(events: [], next: after, lines: [])
        }
        return Page(events: events, next: scanned, lines: events.map(encoder.jsonLine))
    }

    private func watch() {
        var lastHead: Int64 = -1
        while state.withLock({ $0.running }) {
            Thread.sleep(forTimeInterval: Self.pollInterval)
            // Nobody waiting: do not touch the store (ten reads a second for nothing).
            guard state.withLock({ !$0.waiters.isEmpty || !$0.subscribers.isEmpty }) else { continue }
            let head = (try? store.read { try $0.feedHead() }) ?? lastHead
            let now = Date()
            let waiters = state.withLock { state -> [Waiter] in
                defer { state.waiters = [] }
                return state.waiters
            }
            var keep: [Waiter] = []
            for var waiter in waiters {
                if waiter.pending.isFinished { continue }
                let due = now >= waiter.deadline
                guard head > waiter.after || due else {
                    keep.append(waiter)
                    continue
                }
                let found = page(after: waiter.after, limit: waiter.limit, waiter.jurisdiction)
                if !found.events.isEmpty || due {
                    waiter.pending.complete(found.response)
                } else {
                    waiter.after = found.next
                    keep.append(waiter)
                }
            }
            state.withLock { $0.waiters.append(contentsOf: keep) }
            pushStreams(head: head, now: now)
            lastHead = head
        }
    }

    private func pushStreams(head: Int64, now: Date) {
        let subscribers = state.withLock { state -> [Subscriber] in
            defer { state.subscribers = [] }
            return state.subscribers
        }
        var keep: [Subscriber] = []
        for var subscriber in subscribers where !subscriber.stream.isClosed {
            while head > subscriber.cursor {
                let found = page(after: subscriber.cursor, limit: 500, subscriber.jurisdiction)
                for (event, line) in zip(found.events, found.lines) {
                    subscriber.stream.send("id: \(event.sequence)\nevent: \(event.type.rawValue)\ndata: \(line)\n\n")
                    subscriber.lastWrite = now
                }
                guard found.next > subscriber.cursor else { break }
                subscriber.cursor = found.next
            }
            if now.timeIntervalSince(subscriber.lastWrite) >= Self.keepAliveSeconds {
                subscriber.stream.send(": keep-alive\n\n")
                subscriber.lastWrite = now
            }
            keep.append(subscriber)
        }
        state.withLock { $0.subscribers.append(contentsOf: keep) }
    }
}
