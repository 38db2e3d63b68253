/// What a handler returns for a request.
public enum HTTPReply: Sendable {
    /// Answer at once with a complete response.
    case respond(HTTPResponse)
    /// Answer later: the server suspends the connection until `pending.complete(_:)` is called,
    /// from any thread. The handler creates the `HTTPPendingResponse` and hands it to whoever will
    /// complete it (a feed waiter, a timer). Nothing bounds the wait, so the completer must.
    case later(HTTPPendingResponse)
    /// Answer with a chunked response whose body is produced over time through `stream`.
    /// `status` and `headers` are sent first; the connection is suspended whenever no chunk is ready.
    case stream(status: Int, headers: [HTTPHeader], stream: HTTPResponseStream)
}
