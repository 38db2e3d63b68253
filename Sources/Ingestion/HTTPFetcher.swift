import Foundation

/// What a conditional GET gave.
public enum FetchOutcome: Hashable, Sendable {
    /// 304: the export did not change since the validators were stored. Nothing was downloaded.
    case notModified
    /// 2xx: the body is in `download.path`.
    case downloaded(HTTPDownload)
}

/// One downloaded response body and what the server said about it.
public struct HTTPDownload: Hashable, Sendable {
    /// The URL requested.
    public var url: String
    /// The local file holding the body.
    public var path: String
    public var status: Int
    public var bytes: Int64
    public var etag: String?
    public var lastModified: String?
    /// The absolute URL of the `Link: <…>; rel="next"` page, if any.
    public var nextURL: String?
    public var contentType: String?
    /// Attempts it took, retries included.
    public var attempts: Int
}

/// A retry about to happen, for progress output.
public struct HTTPRetryNotice: Hashable, Sendable, CustomStringConvertible {
    public var url: String
    /// The attempt that failed (1-based).
    public var attempt: Int
    /// Seconds we wait before the next attempt.
    public var delay: Double
    /// What went wrong (`HTTP 503`, `curl error 7: …`).
    public var problem: String

    public var description: String {
        "GET \(url): \(problem); retrying in \(String(format: "%.1f", delay)) s (attempt \(attempt + 1))"
    }
}

/// HTTP(S) GET through libcurl with conditional requests and retries. Blocking, on the calling thread.
public struct HTTPFetcher: Sendable {
    public var options: HTTPFetchOptions

    public init(options: HTTPFetchOptions = HTTPFetchOptions()) {
        self.options = options
    }

    /// Fails unless `url` is an absolute http(s) URL with a host and without `user:password@`.
    public static func validate(url: String) throws(HTTPFetchError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw HTTPFetchError(url: url, reason: .invalidURL("not an http:// or https:// URL")) }
        guard let host = components.host, !host.isEmpty else {
            throw HTTPFetchError(url: url, reason: .invalidURL("the URL has no host"))
        }
        guard components.user == nil, components.password == nil else {
            throw HTTPFetchError(
                url: "\(scheme)://…@\(host)", reason: .invalidURL("credentials in the URL are refused; use --basic-auth-file"))
        }
    }

    /// Why `url` fails `validate(url:)`, or nil when it passes (for callers that report in their own words).
    public static func invalidity(of url: String) -> String? {
        do {
            try validate(url: url)
            return nil
        } catch {
            guard case .invalidURL(let why) = error.reason else { return "\(error)" }
            return why
        }
    }

    /// GETs `url` into `destination`, sending `validators` as a conditional request. Retries connection errors,
    /// timeouts, 5xx and 429 (honouring `Retry-After`) with back-off; never 4xx. Throws `HTTPFetchError`.
    public func fetch(
        _ url: String, validators: HTTPValidators = HTTPValidators(), to destination: String,
        onRetry: (HTTPRetryNotice) -> Void = { _ in }, sleep: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) throws -> FetchOutcome {
        try Self.validate(url: url)
        var generator = SystemRandomNumberGenerator()
        var attempt = 0
        while true {
            attempt += 1
            let result = CurlTransfer.perform(url: url, headers: validators.requestHeaders, options: options, bodyPath: destination)
            let retryAfter = result.headers["retry-after"].flatMap { RetryAfter.seconds($0, now: Date().timeIntervalSince1970) }
            let problem: String
            let failure: HTTPFetchError
            if result.bodyTooLarge, let limit = options.maxBytes {
                removeFile(destination)
                throw HTTPFetchError(url: url, reason: .bodyTooLarge(limit: limit), attempts: attempt)
            } else if let localError = result.localError {
                removeFile(destination)
                throw HTTPFetchError(url: url, reason: .localFile(localError), attempts: attempt)
            } else if result.curlCode != 0 {
                failure = HTTPFetchError(url: url, reason: .transport(code: result.curlCode, message: result.curlMessage), attempts: attempt)
                guard Self.isRetryable(curlCode: result.curlCode) else { throw failureCleaningUp(failure, destination) }
                problem = "\(result.curlMessage) (curl error \(result.curlCode))"
            } else if result.status == 304 && !validators.isEmpty {
                removeFile(destination)
                return .notModified
            } else if (200..<300).contains(result.status) {
                return .downloaded(HTTPDownload(
                    url: url, path: destination, status: result.status, bytes: result.bodyBytes, etag: result.headers["etag"],
                    lastModified: result.headers["last-modified"],
                    nextURL: LinkHeader.nextURL(in: result.headers["link"], relativeTo: url),
                    contentType: result.headers["content-type"], attempts: attempt))
            } else {
                failure = HTTPFetchError(
                    url: url, reason: .status(code: result.status, text: result.statusText, body: result.errorBody), attempts: attempt)
                guard RetryPolicy.isRetryable(status: result.status) else { throw failureCleaningUp(failure, destination) }
                problem = "HTTP \(result.status)" + (result.statusText.isEmpty ? "" : " \(result.statusText)")
            }
            guard attempt <= options.retry.retries else { throw failureCleaningUp(failure, destination) }
            let delay = options.retry.delay(beforeRetry: attempt, retryAfter: retryAfter, using: &generator)
            onRetry(HTTPRetryNotice(url: url, attempt: attempt, delay: delay, problem: problem))
            sleep(delay)
        }
    }

    /// libcurl errors worth another attempt: DNS, connect, timeouts, a connection dropped mid-transfer.
    public static func isRetryable(curlCode: Int) -> Bool {
        // 6 resolve host, 7 connect, 16 HTTP/2, 18 partial file, 28 timed out, 52 got nothing, 55 send, 56 recv,
        // 92 HTTP/2 stream.
        [6, 7, 16, 18, 28, 52, 55, 56, 92].contains(curlCode)
    }

    private func failureCleaningUp(_ error: HTTPFetchError, _ path: String) -> HTTPFetchError {
        removeFile(path)
        return error
    }

    private func removeFile(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
