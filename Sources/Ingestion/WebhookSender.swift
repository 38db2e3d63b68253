import Foundation

/// POSTs signed webhook deliveries through libcurl, retrying what is worth retrying. Blocking, on the calling
/// thread (run deliveries on a thread of their own, never on Dispatch or Swift-concurrency threads).
///
/// Each attempt is signed afresh (`X-LienThong-Signature` with the attempt's timestamp) and carries the same
/// `X-LienThong-Delivery` id. Redirects are never followed. Connection errors, timeouts, 408, 429 and 5xx are
/// retried per `options.retry` (equal-jitter back-off, raised to the server's `Retry-After`).
public struct WebhookSender: Sendable {
    /// Timeouts, retry policy, TLS files, user agent and credentials (sent as `Authorization` when set).
    /// `maxBytes` does not apply: response bodies are drained and only their first bytes kept.
    public var options: HTTPFetchOptions

    /// How many bytes of a response body are kept in memory (for `rejected` and error messages).
    public static let responseCaptureLimit = 64 * 1024

    public init(options: HTTPFetchOptions = HTTPFetchOptions()) {
        self.options = options
    }

    /// Delivers `delivery`, signing each attempt with `secret`. `now` gives Unix seconds (signature timestamps and
    /// `Retry-After` dates); `sleep` waits between attempts. Never throws: every ending is a `WebhookOutcome`.
    public func send(
        _ delivery: WebhookDelivery, secret: [UInt8], now: () -> Int = { Int(Date().timeIntervalSince1970) },
        sleep: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) -> WebhookOutcome {
        let url = delivery.url
        let headerLines: [String]
        do {
            try HTTPFetcher.validate(url: url)
            headerLines = try delivery.fixedHeaderLines()
        } catch let error as HTTPFetchError {
            // `validate` only throws `.invalidURL`; its `url` hides credentials a bad URL may carry.
            let why: String
            if case .invalidURL(let text) = error.reason { why = text } else { why = "\(error)" }
            return .failed(WebhookError(url: error.url, reason: .invalidRequest(why)), attempts: 0)
        } catch let reason as WebhookError.Reason {
            return .failed(WebhookError(url: url, reason: reason), attempts: 0)
        } catch {
            return .failed(WebhookError(url: url, reason: .invalidRequest("\(error)")), attempts: 0)
        }
        var generator = SystemRandomNumberGenerator()
        var attempt = 0
        while true {
            attempt += 1
            let signature = WebhookSignature.header(secret: secret, timestamp: now(), body: delivery.body)
            let result = CurlTransfer.post(
                url: url, headers: headerLines + ["\(WebhookDelivery.signatureHeader): \(signature)"], body: delivery.body,
                options: options, responseLimit: Self.responseCaptureLimit)
            switch Self.classify(result, url: url) {
            case .final(let outcome):
                return outcome(attempt)
            case .retryable(let error):
                guard attempt <= options.retry.retries else { return .failed(error, attempts: attempt) }
                let retryAfter = result.headers["retry-after"].flatMap { RetryAfter.seconds($0, now: Double(now())) }
                sleep(options.retry.delay(beforeRetry: attempt, retryAfter: retryAfter, using: &generator))
            }
        }
    }

    /// What one attempt means: an ending (given the attempt count) or an error worth another attempt.
    enum Verdict {
        case final((_ attempts: Int) -> WebhookOutcome)
        case retryable(WebhookError)
    }

    static func classify(_ result: TransferResult, url: String) -> Verdict {
        let body = String(decoding: result.capturedBody, as: UTF8.self)
        if result.curlCode != 0 {
            let error = WebhookError(url: url, reason: .transport(code: result.curlCode, message: result.curlMessage))
            return HTTPFetcher.isRetryable(curlCode: result.curlCode) ? .retryable(error) : .final { .failed(error, attempts: $0) }
        }
        let status = result.status
        switch status {
        case 200..<300:
            return .final { .delivered(status: status, attempts: $0) }
        case 300..<400:
            let error = WebhookError(url: url, reason: .redirect(status: status, location: result.headers["location"]))
            return .final { .failed(error, attempts: $0) }
        case 410:
            return .final { .gone(attempts: $0) }
        case 408, 429, 500..<600:
            return .retryable(WebhookError(url: url, reason: .status(code: status, text: result.statusText, body: body)))
        case 400..<500:
            return .final { .rejected(status: status, bodyPrefix: body, attempts: $0) }
        default:
            let error = WebhookError(url: url, reason: .status(code: status, text: result.statusText, body: body))
            return .final { .failed(error, attempts: $0) }
        }
    }
}
