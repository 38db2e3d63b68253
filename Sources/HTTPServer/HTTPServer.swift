import CMicroHTTPD
import Foundation
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd: an internal epoll polling thread per worker in a thread pool.
///
/// The handler runs on the worker threads and must not block; use `.later` or `.stream` replies
/// for answers that take time.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    private let core: ServerCore

    private enum Lifecycle {
        case notStarted
        case running(MHDDaemon, port: Int)
        case stopped
    }

    private let lifecycle = Mutex(Lifecycle.notStarted)

    public init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.core = ServerCore(handler: handler, maxRequestBodyBytes: configuration.maxRequestBodyBytes)
    }

    deinit {
        stop()
    }

    /// The bound TCP port while running (the real one when configured with port 0); 0 otherwise.
    public var port: Int {
        lifecycle.withLock { state in
            if case .running(_, let port) = state { return port }
            return 0
        }
    }

    /// Binds and starts serving. Does nothing if already running.
    /// Throws `HTTPServerError.cannotListen` if the address or port is taken, and refuses a stopped server.
    public func start() throws {
        // A client that hangs up mid-response must not kill the process: libmicrohttpd's writes can raise SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try lifecycle.withLock { state in
            switch state {
            case .running: return
            case .stopped: throw HTTPServerError.invalidConfiguration("a stopped server cannot be restarted")
            case .notStarted: break
            }
            let daemon = try DaemonLauncher(configuration: configuration, core: core).launch()
            state = .running(daemon, port: Int(lt_mhd_daemon_bind_port(daemon.pointer)))
        }
    }

    /// Stops accepting connections, answers pending long-polls with 503 and finishes streams, waits up to
    /// `shutdownGracePeriodSeconds` for requests in flight to complete, then stops the daemon
    /// (closing whatever is left). Blocks the caller meanwhile.
    /// Safe to call more than once and from any thread except the handler's.
    public func stop() {
        let daemon: MHDDaemon? = lifecycle.withLock { state in
            defer { state = .stopped }
            if case .running(let daemon, _) = state { return daemon }
            return nil
        }
        guard let daemon else { return }
        let listenSocket = MHD_quiesce_daemon(daemon.pointer)
        core.shutDownSuspensions()
        // MHD_stop_daemon closes connections without answering them, so let in-flight requests finish first.
        let deadline = Date().addingTimeInterval(configuration.shutdownGracePeriodSeconds)
        while core.liveRequestContexts.load(ordering: .relaxed) > 0, Date() < deadline {
            usleep(5_000)
        }
        MHD_stop_daemon(daemon.pointer)
        // After quiescing, the listen socket is ours to close, but only once the threads are gone.
        if listenSocket >= 0 { close(listenSocket) }
    }

    /// Request contexts not yet released; 0 when no request is in flight. For leak checks in tests.
    var liveRequestContexts: Int {
        core.liveRequestContexts.load(ordering: .relaxed)
    }
}
