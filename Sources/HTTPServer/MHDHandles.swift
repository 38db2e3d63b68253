import CMicroHTTPD

/// A libmicrohttpd connection pointer that may cross threads. MHD allows `MHD_resume_connection`
/// from any thread; every other use stays on the connection's own worker thread.
/// Holders must drop it (under their lock) once the request is completed, after which it dangles.
struct MHDConnection: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// A running libmicrohttpd daemon pointer, owned by `HTTPServer`.
struct MHDDaemon: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// A reply object that may hold a suspended connection, and so must be woken before the daemon stops
/// (stopping MHD with suspended connections is an API violation).
protocol SuspendableReply: AnyObject, Sendable {
    /// Makes the reply finish promptly and resumes its connection if it is suspended.
    func shutDown()
}
