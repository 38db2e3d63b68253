/// Per-request state kept in libmicrohttpd's `con_cls` slot (retained by `Unmanaged`), created by the
/// URI-log callback and released by the request-completed callback. Only the connection's own worker
/// thread touches it, one callback at a time.
final class RequestContext {
    enum Phase {
        /// Headers are in; the first access-handler call has not happened yet.
        case awaitingFirstCall
        /// Collecting the body; the next call with no upload data is the final one.
        case receivingBody
        /// The connection is suspended until the handler's pending response is completed.
        case waiting(HTTPPendingResponse)
        /// A streaming response is queued.
        case streaming(HTTPResponseStream)
        /// A complete response is queued.
        case answered
    }

    /// The request target exactly as sent, captured before MHD unescapes it.
    let target: String
    var phase: Phase = .awaitingFirstCall
    var body: [UInt8] = []

    init(target: String) {
        self.target = target
    }
}
