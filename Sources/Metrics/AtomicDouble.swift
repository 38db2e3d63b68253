import Synchronization

/// A `Double` that many threads may read and update without a lock: its bit pattern lives in an
/// `Atomic<UInt64>`, and additions are compare-and-exchange loops.
final class AtomicDouble: Sendable {
    private let bits: Atomic<UInt64>

    init(_ initial: Double = 0) {
        bits = Atomic(initial.bitPattern)
    }

    /// The current value.
    var value: Double {
        Double(bitPattern: bits.load(ordering: .relaxed))
    }

    /// Replaces the value.
    func store(_ newValue: Double) {
        bits.store(newValue.bitPattern, ordering: .relaxed)
    }

    /// Adds `amount` to the value atomically.
    func add(_ amount: Double) {
        var expected = bits.load(ordering: .relaxed)
        while true {
            let desired = (Double(bitPattern: expected) + amount).bitPattern
            let (exchanged, original) = bits.compareExchange(
                expected: expected, desired: desired, ordering: .relaxed)
            if exchanged { return }
            expected = original
        }
    }
}
