import Synchronization

/// One histogram time series: observations counted into buckets, with their sum and count. Get it from
/// ``HistogramFamily/labels(_:)``; keeping the handle makes every later observation a single short lock.
public final class Histogram: Sendable {
    /// The Prometheus client libraries' default upper bounds, in seconds: .005 … 10.
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// The finite upper bounds, strictly increasing; the `+Inf` bucket is implicit.
    public let upperBounds: [Double]

    /// Per-bucket (not cumulative) counts, with one extra slot at the end for the `+Inf` bucket.
    private struct State {
        var bucketCounts: [UInt64]
        var sum: Double = 0
        var count: UInt64 = 0
    }

    private let state: Mutex<State>

    init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
        state = Mutex(State(bucketCounts: Array(repeating: 0, count: upperBounds.count + 1)))
    }

    /// Records one observation, usually a duration in seconds. It lands in the first bucket whose upper
    /// bound is at least `value` (a NaN lands only in `+Inf` and makes the sum NaN, as in other clients).
    public func observe(_ value: Double) {
        let index = bucketIndex(for: value)
        state.withLock { state in
            state.bucketCounts[index] += 1
            state.sum += value
            state.count += 1
        }
    }

    /// Records a duration, in seconds.
    public func observe(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        observe(Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// A consistent copy of the histogram: cumulative counts per finite upper bound, then the total count
    /// (which is the `+Inf` bucket), and the sum.
    public var snapshot: HistogramSnapshot {
        let copy = state.withLock { $0 }
        var cumulative: [UInt64] = []
        cumulative.reserveCapacity(upperBounds.count)
        var running: UInt64 = 0
        for count in copy.bucketCounts.dropLast() {
            running += count
            cumulative.append(running)
        }
        return HistogramSnapshot(
            upperBounds: upperBounds, cumulativeCounts: cumulative, sum: copy.sum, count: copy.count)
    }

    /// Binary search for the first upper bound `>= value`; `upperBounds.count` (the `+Inf` slot) if none.
    private func bucketIndex(for value: Double) -> Int {
        var low = 0
        var high = upperBounds.count
        while low < high {
            let middle = (low + high) / 2
            if upperBounds[middle] >= value { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// A consistent reading of one ``Histogram``.
public struct HistogramSnapshot: Sendable, Hashable {
    /// The finite upper bounds, strictly increasing.
    public let upperBounds: [Double]
    /// For each finite upper bound, how many observations were at most that bound.
    public let cumulativeCounts: [UInt64]
    /// The sum of all observations.
    public let sum: Double
    /// How many observations there were; this is also the count of the `+Inf` bucket.
    public let count: UInt64
}
