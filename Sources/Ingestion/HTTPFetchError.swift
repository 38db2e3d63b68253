/// Why an HTTP pull failed. The description always names the URL and the HTTP status or the libcurl error.
public struct HTTPFetchError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Not an absolute http(s) URL, or one carrying credentials.
        case invalidURL(String)
        /// The server answered with a status we do not accept (4xx, 5xx after the retries, unexpected 304 …).
        case status(code: Int, text: String, body: String)
        /// libcurl failed: connection refused, timeout, TLS error … (`code` is the CURLcode).
        case transport(code: Int, message: String)
        /// The body exceeded `maxBytes`; the transfer was aborted.
        case bodyTooLarge(limit: Int64)
        /// The downloaded body could not be written locally.
        case localFile(String)
        /// A `rel="next"` link pointed back to a page already fetched.
        case pagingLoop(String)
        /// More pages than allowed.
        case tooManyPages(Int)
    }

    /// The URL requested (credentials never appear: URLs carrying them are refused).
    public var url: String
    public var reason: Reason
    /// Attempts made, retries included.
    public var attempts: Int

    public init(url: String, reason: Reason, attempts: Int = 1) {
        self.url = url
        self.reason = reason
        self.attempts = attempts
    }

    /// The HTTP status, when the failure is one.
    public var status: Int? {
        if case .status(let code, _, _) = reason { return code }
        return nil
    }

    public var description: String {
        let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
        switch reason {
        case .invalidURL(let why):
            return "\(url): \(why)"
        case .status(let code, let text, let body):
            let phrase = text.isEmpty ? "" : " \(text)"
            let excerpt = body.split(whereSeparator: \.isNewline).first.map { ": \($0.prefix(160))" } ?? ""
            return "GET \(url): HTTP \(code)\(phrase)\(tries)\(excerpt)"
        case .transport(let code, let message):
            return "GET \(url): \(message) (curl error \(code))\(tries)"
        case .bodyTooLarge(let limit):
            return "GET \(url): the response body exceeds --max-bytes \(limit); transfer aborted"
        case .localFile(let message):
            return "GET \(url): \(message)"
        case .pagingLoop(let next):
            return "GET \(url): the next-page link \(next) was already fetched (paging loop)"
        case .tooManyPages(let limit):
            return "GET \(url): more than \(limit) pages; stopped (raise --max-pages)"
        }
    }
}
