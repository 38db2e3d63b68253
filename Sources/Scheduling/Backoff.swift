import Foundation

/// Exponential back-off with full jitter for retrying failed runs: before retry `attempt` (1 for the first
/// retry after the first failure), wait a delay drawn uniformly from `0 ..< min(cap, base · 2^(attempt−1))`
/// ("full jitter", as in the AWS Architecture Blog's *Exponential Backoff and Jitter*), so that many sources
/// failing together do not retry together.
///
/// The draw takes an injected random number generator — `Domain.SplitMix64(seed:)` in tests — and uses only
/// its raw 64-bit output, so a given seed gives the same delays on every platform and Swift version.
public struct Backoff: Hashable, Sendable {
    /// The ceiling of the first retry's delay, in seconds.
    public let base: TimeInterval
    /// The largest ceiling any retry's delay can have, in seconds.
    public let cap: TimeInterval
    /// How much the ceiling grows per attempt.
    public static let factor: Double = 2

    /// A back-off starting at `base` seconds and growing to at most `cap` seconds.
    /// - Precondition: `base` is positive and finite, and `cap` is finite and at least `base`.
    public init(base: TimeInterval, cap: TimeInterval) {
        precondition(base > 0 && base.isFinite, "Backoff base must be positive and finite, got \(base)")
        precondition(cap >= base && cap.isFinite, "Backoff cap must be finite and at least the base, got \(cap)")
        self.base = base
        self.cap = cap
    }

    /// The longest delay before retry `attempt`: `min(cap, base · 2^(attempt−1))`. Attempts below 1 count as 1.
    public func ceiling(attempt: Int) -> TimeInterval {
        let exponent = Double(max(attempt, 1) - 1)
        return min(cap, base * pow(Self.factor, exponent))
    }

    /// The delays retry `attempt` may wait: `0 ... ceiling(attempt:)` (the draw never returns the upper bound).
    public func delayRange(attempt: Int) -> ClosedRange<TimeInterval> { 0...ceiling(attempt: attempt) }

    /// A delay before retry `attempt`, uniform in `0 ..< ceiling(attempt:)`, drawn from `generator`.
    public func delay(attempt: Int, using generator: inout some RandomNumberGenerator) -> TimeInterval {
        let unit = Double(generator.next() >> 11) * 0x1.0p-53
        return unit * ceiling(attempt: attempt)
    }
}
