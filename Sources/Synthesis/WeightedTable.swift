import Domain

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
