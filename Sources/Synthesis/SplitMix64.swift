/// SplitMix64: a small, fast, seedable generator (Steele, Lea & Flood 2014). Same seed ⇒ same sequence on
/// every platform, which is what byte-identical synthetic registries need. Not for cryptography.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant for synthetic data).
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in `range`.
    mutating func between(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniformly chosen element; `items` must not be empty.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Draws indices in proportion to fixed weights: cumulative sums and a binary search.
struct WeightedTable: Sendable {
    private let cumulative: [Double]

    /// `weights` must hold at least one positive weight; negative weights count as zero.
    init(_ weights: [Double]) {
        var running = 0.0
        cumulative = weights.map { weight in
            running += max(weight, 0)
            return running
        }
    }

    var count: Int { cumulative.count }

    /// An index `i` with probability `weights[i] / Σ weights`.
    func draw(_ random: inout SplitMix64) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let target = random.unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// A weighted list of values.
struct WeightedChoice<Value: Sendable>: Sendable {
    let values: [Value]
    let table: WeightedTable

    init(_ pairs: [(Value, Double)]) {
        values = pairs.map(\.0)
        table = WeightedTable(pairs.map(\.1))
    }

    func draw(_ random: inout SplitMix64) -> Value { values[table.draw(&random)] }
}
