import Domain

/// When and how long to wait before retrying a failed HTTP attempt: exponential back-off with jitter.
///
/// Pure and deterministic given the random generator, so the schedule is unit-tested. Retry number `n` (1-based)
/// waits a random time in `[cap/2, cap]` where `cap = min(maxDelay, baseDelay · 2^(n-1))` (`Backoff` with equal jitter:
/// never less than half the back-off, so a fleet of clients does not retry in lock-step). A `Retry-After` from the server
/// raises the wait to at least that many seconds, capped at `maxRetryAfter`.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts after the first one; 0 disables retrying.
    public var retries: Int
    /// Back-off before the first retry, in seconds (before jitter).
    public var baseDelay: Double
    /// Upper bound of the exponential back-off, in seconds.
    public var maxDelay: Double
    /// Upper bound on a server's `Retry-After`, in seconds (a hostile or broken server cannot stall us for a day).
    public var maxRetryAfter: Double

    public init(retries: Int = 3, baseDelay: Double = 1, maxDelay: Double = 30, maxRetryAfter: Double = 120) {
        self.retries = max(0, retries)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    /// Exponential back-off with equal jitter (at least half of each step's ceiling).
    public var backoff: Backoff { Backoff(base: min(baseDelay, maxDelay), cap: maxDelay, jitter: .equal) }

    /// The jitter range of the wait before retry number `retry` (1-based).
    public func delayRange(beforeRetry retry: Int) -> ClosedRange<Double> {
        backoff.delayRange(attempt: retry)
    }

    /// The wait before retry number `retry`: a random point of `delayRange`, raised to `retryAfter` when given.
    public func delay(
        beforeRetry retry: Int, retryAfter: Double? = nil, using generator: inout some RandomNumberGenerator
    ) -> Double {
        let jittered = backoff.delay(attempt: retry, using: &generator)
        guard let retryAfter, retryAfter.isFinite else { return jittered }
        return max(jittered, min(max(retryAfter, 0), maxRetryAfter))
    }

    /// Whether an HTTP status is worth retrying: 5xx and 429 (too many requests). Never other 4xx: the request
    /// itself is wrong and will fail the same way again.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }
}
