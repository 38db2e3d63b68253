/// How `HTTPFetcher` talks to a server: timeouts, retries, credentials, TLS files and the body size limit.
public struct HTTPFetchOptions: Sendable {
    /// Seconds allowed for connecting (DNS + TCP + TLS); 0 = libcurl's default (300 s).
    public var connectTimeout: Double
    /// Seconds allowed for one whole attempt, body included; 0 = no limit.
    public var timeout: Double
    /// Back-off and retry count for connection errors, timeouts, 5xx and 429.
    public var retry: RetryPolicy
    /// Sent on every request (never logged).
    public var credentials: HTTPCredentials?
    /// PEM bundle of the certificate authorities to trust instead of the system's.
    public var caCertificateFile: String?
    /// PEM client certificate (mutual TLS), with `clientKeyFile`.
    public var clientCertificateFile: String?
    /// PEM private key of the client certificate.
    public var clientKeyFile: String?
    /// A body larger than this many bytes aborts the transfer and is rejected; nil = no limit.
    public var maxBytes: Int64?
    public var userAgent: String

    public init(
        connectTimeout: Double = 10, timeout: Double = 300, retry: RetryPolicy = RetryPolicy(),
        credentials: HTTPCredentials? = nil, caCertificateFile: String? = nil, clientCertificateFile: String? = nil,
        clientKeyFile: String? = nil, maxBytes: Int64? = nil, userAgent: String = "lienthong"
    ) {
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.retry = retry
        self.credentials = credentials
        self.caCertificateFile = caCertificateFile
        self.clientCertificateFile = clientCertificateFile
        self.clientKeyFile = clientKeyFile
        self.maxBytes = maxBytes
        self.userAgent = userAgent
    }
}

/// The validators of a previous download: sent as `If-None-Match` / `If-Modified-Since` so that an unchanged export
/// answers 304 and nothing is transferred.
public struct HTTPValidators: Hashable, Sendable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    public var isEmpty: Bool { etag == nil && lastModified == nil }

    /// The conditional request headers (values containing line breaks are never sent).
    var requestHeaders: [String] {
        var headers: [String] = []
        if let etag, !etag.contains(where: \.isNewline) { headers.append("If-None-Match: \(etag)") }
        if let lastModified, !lastModified.contains(where: \.isNewline) { headers.append("If-Modified-Since: \(lastModified)") }
        return headers
    }
}
