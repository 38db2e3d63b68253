/// How an `HTTPServer` listens and which limits it enforces.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// Numeric IPv4 or IPv6 address to bind (no host names).
    public var host: String
    /// TCP port; 0 asks the kernel for a free one (read it back from `HTTPServer.port`).
    public var port: Int
    /// Number of worker threads, each with its own epoll loop.
    public var threadPoolSize: Int
    /// Maximum simultaneous connections (suspended ones count too).
    public var connectionLimit: Int
    /// Maximum simultaneous connections from one IP address; 0 means no per-IP limit.
    public var perIPConnectionLimit: Int
    /// Idle connections (including clients that stop sending mid-request) are closed after this many seconds.
    /// Suspended connections (`.later`, idle streams) do not time out.
    public var connectionTimeoutSeconds: Int
    /// Request bodies larger than this are refused with 413 without being buffered.
    public var maxRequestBodyBytes: Int
    /// Memory per connection for request line, headers and read buffer. Requests whose headers
    /// do not fit are answered by libmicrohttpd itself with 431 and the connection is closed.
    public var connectionMemoryLimitBytes: Int
    /// On `stop()`, how long requests already in flight (including woken long-polls and streams)
    /// may take to finish before the remaining connections are closed.
    public var shutdownGracePeriodSeconds: Double

    public init(
        host: String = "127.0.0.1", port: Int = 0, threadPoolSize: Int = 2, connectionLimit: Int = 1000,
        perIPConnectionLimit: Int = 0, connectionTimeoutSeconds: Int = 30, maxRequestBodyBytes: Int = 1 << 20,
        connectionMemoryLimitBytes: Int = 32 * 1024, shutdownGracePeriodSeconds: Double = 5
    ) {
        self.host = host
        self.port = port
        self.threadPoolSize = threadPoolSize
        self.connectionLimit = connectionLimit
        self.perIPConnectionLimit = perIPConnectionLimit
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.connectionMemoryLimitBytes = connectionMemoryLimitBytes
        self.shutdownGracePeriodSeconds = shutdownGracePeriodSeconds
    }
}
