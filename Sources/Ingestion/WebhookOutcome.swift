/// How a webhook delivery ended, retries included. Every case says how many attempts were made.
public enum WebhookOutcome: Hashable, Sendable, CustomStringConvertible {
    /// 2xx: the subscriber has the event. Advance its cursor.
    case delivered(status: Int, attempts: Int)
    /// 410 Gone: the subscriber unsubscribed. Never retried; the subscription should be disabled.
    case gone(attempts: Int)
    /// Another 4xx (not 408 / 429): the subscriber refused this request and would refuse it again. Never retried.
    /// `bodyPrefix` is the start of the response body (at most `WebhookSender.responseCaptureLimit` bytes).
    case rejected(status: Int, bodyPrefix: String, attempts: Int)
    /// Not delivered: retries exhausted on connection errors, timeouts, 408, 429 or 5xx; or a failure not worth
    /// retrying (a redirect, an invalid URL or header; attempts 0 when nothing was sent).
    case failed(WebhookError, attempts: Int)

    public var attempts: Int {
        switch self {
        case .delivered(_, let attempts), .gone(let attempts), .rejected(_, _, let attempts), .failed(_, let attempts):
            return attempts
        }
    }

    public var isDelivered: Bool {
        if case .delivered = self { return true }
        return false
    }

    public var description: String {
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        switch self {
        case .delivered(let status, _):
            return "delivered (HTTP \(status), \(tries))"
        case .gone:
            return "gone: the subscriber answered 410 and unsubscribed (\(tries))"
        case .rejected(let status, let body, _):
            let excerpt = body.split(whereSeparator: \.isNewline).first.map { ": \($0.prefix(160))" } ?? ""
            return "rejected with HTTP \(status) (\(tries))\(excerpt)"
        case .failed(let error, _):
            return "failed (\(tries)): \(error)"
        }
    }
}

/// Why a webhook was not delivered. The description names the URL and the status, redirect or libcurl error.
public struct WebhookError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Error, Hashable, Sendable {
        /// Not an absolute http(s) URL, one with credentials, or a header that cannot be sent. Nothing was sent.
        case invalidRequest(String)
        /// libcurl failed: connection refused, timeout, TLS error … (`code` is the CURLcode).
        case transport(code: Int, message: String)
        /// A retryable status (408, 429, 5xx) on the last attempt, or a status no case covers (1xx).
        case status(code: Int, text: String, body: String)
        /// A 3xx: webhook POSTs never follow redirects (the subscriber must register the final URL).
        case redirect(status: Int, location: String?)
    }

    /// The URL posted to.
    public var url: String
    public var reason: Reason

    public init(url: String, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .invalidRequest(let why):
            return "POST \(url): \(why)"
        case .transport(let code, let message):
            return "POST \(url): \(message) (curl error \(code))"
        case .status(let code, let text, let body):
            let phrase = text.isEmpty ? "" : " \(text)"
            let excerpt = body.split(whereSeparator: \.isNewline).first.map { ": \($0.prefix(160))" } ?? ""
            return "POST \(url): HTTP \(code)\(phrase)\(excerpt)"
        case .redirect(let status, let location):
            let target = location.map { " to \($0)" } ?? ""
            return "POST \(url): HTTP \(status) redirect\(target) not followed; register the final URL of the webhook"
        }
    }
}
