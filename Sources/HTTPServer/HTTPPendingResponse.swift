import CMicroHTTPD
import Synchronization

/// A response that will be supplied later, from any thread (long-poll).
///
/// The handler creates one, hands it to whatever will produce the answer, and returns `.later(pending)`.
/// The server suspends the connection until `complete(_:)` is called. Completing before the server
/// has suspended the connection is fine: the response is then sent at once.
public final class HTTPPendingResponse: SuspendableReply {
    private struct State {
        var response: HTTPResponse?
        var connection: MHDConnection?
        var isSuspended = false
        var isDetached = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Supplies the response. Returns false (and does nothing) if a response was already supplied
    /// or the client connection is gone.
    @discardableResult
    public func complete(_ response: HTTPResponse) -> Bool {
        state.withLock { state in
            guard state.response == nil, !state.isDetached else { return false }
            state.response = response
            if state.isSuspended, let connection = state.connection {
                state.isSuspended = false
                MHD_resume_connection(connection.pointer)
            }
            return true
        }
    }

    /// True once a response was supplied or the connection went away; completing is then pointless.
    public var isFinished: Bool {
        state.withLock { $0.response != nil || $0.isDetached }
    }

    /// Called on the connection's thread: the response if there is one, otherwise the connection
    /// is suspended (under the lock, so a concurrent `complete` sees it and resumes).
    func responseOrSuspend(_ connection: MHDConnection) -> HTTPResponse? {
        state.withLock { state in
            if let response = state.response { return response }
            state.connection = connection
            state.isSuspended = true
            MHD_suspend_connection(connection.pointer)
            return nil
        }
    }

    /// The request is over (the connection pointer is about to become invalid).
    func detach() {
        state.withLock { state in
            state.isDetached = true
            state.isSuspended = false
            state.connection = nil
        }
    }

    func shutDown() {
        complete(
            .problem(
                status: 503, title: "Service Unavailable", detail: "The server is shutting down.",
                headers: [HTTPHeader("Connection", "close")]))
    }
}
