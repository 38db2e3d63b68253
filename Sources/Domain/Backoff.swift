import Foundation

/// Exponential back-off with jitter, the one used for every retry: before retry `attempt` (1 for the first retry after
/// the first failure) the ceiling is `min(cap, base · 2^(attempt−1))`, and the delay is drawn below it so that many
/// clients failing together do not retry together (the AWS Architecture Blog's *Exponential Backoff and Jitter*):
/// - `full` jitter draws from `0 ..< ceiling` — the scheduler's failed runs, spread as widely as possible;
/// - `equal` jitter draws from `ceiling/2 ..< ceiling` — HTTP retries within one run, where a server that just
///   failed should get at least half the back-off to recover.
///
/// The draw takes an injected random number generator — `SplitMix64(seed:)` in tests — and uses only its raw 64-bit
/// output, so a given seed gives the same delays on every platform and Swift version.
public struct Backoff: Hashable, Sendable {
    public enum Jitter: Sendable {
        case full
        case equal
    }

    /// The ceiling of the first retry's delay, in seconds (0: no waiting at all).
    public let base: TimeInterval
    /// The largest ceiling any retry's delay can have, in seconds.
    public let cap: TimeInterval
    public let jitter: Jitter
    /// How much the ceiling grows per attempt.
    public static let factor: Double = 2

    /// A back-off starting at `base` seconds and growing to at most `cap` seconds.
    /// - Precondition: `base` is finite and not negative, and `cap` is finite and at least `base`.
    public init(base: TimeInterval, cap: TimeInterval, jitter: Jitter = .full) {
        precondition(base >= 0 && base.isFinite, "Backoff base must be finite and not negative, got \(base)")
        precondition(cap >= base && cap.isFinite, "Backoff cap must be finite and at least the base, got \(cap)")
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// The longest delay before retry `attempt`: `min(cap, base · 2^(attempt−1))`. Attempts below 1 count as 1.
    public func ceiling(attempt: Int) -> TimeInterval {
        let exponent = Double(max(attempt, 1) - 1)
        return min(cap, base * pow(Self.factor, exponent))
    }

    /// The delays retry `attempt` may wait (the draw never returns the upper bound unless the range is one point).
    public func delayRange(attempt: Int) -> ClosedRange<TimeInterval> {
        let ceiling = ceiling(attempt: attempt)
        return (jitter == .full ? 0 : ceiling / 2)...ceiling
    }

    /// A delay before retry `attempt`, uniform in `delayRange(attempt:)`, drawn from `generator`.
    public func delay(attempt: Int, using generator: inout some RandomNumberGenerator) -> TimeInterval {
        let range = delayRange(attempt: attempt)
        let unit = Double(generator.next() >> 11) * 0x1.0p-53
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }
}
