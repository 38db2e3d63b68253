/// Why an `HTTPServer` could not start.
public enum HTTPServerError: Error, Equatable, CustomStringConvertible {
    /// The host is not a numeric IPv4 or IPv6 address.
    case invalidHost(String)
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// libmicrohttpd refused to start, typically because the port is already taken.
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidHost(let host): "invalid bind address '\(host)': expected a numeric IPv4 or IPv6 address"
        case .invalidConfiguration(let message): "invalid HTTP server configuration: \(message)"
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
