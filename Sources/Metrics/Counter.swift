/// One counter time series: a value that only goes up. Get it from ``CounterFamily/labels(_:)``;
/// keeping the handle makes every later update lock-free.
public final class Counter: Sendable {
    private let storage = AtomicDouble()

    init() {}

    /// The current value.
    public var value: Double { storage.value }

    /// Adds `amount` (1 by default). A negative or NaN amount is a programmer error and stops the process.
    public func increment(by amount: Double = 1) {
        precondition(amount >= 0, "Counters only go up; refusing to increment by \(amount)")
        storage.add(amount)
    }
}

/// A counter metric family: a name ending in `_total`, HELP text, label names, and one ``Counter``
/// per distinct tuple of label values.
public final class CounterFamily: Sendable {
    /// The metric name, ending in `_total`.
    public let name: String
    /// The HELP text, unescaped.
    public let help: String
    /// The label names, in the order ``labels(_:)`` takes their values.
    public var labelNames: [String] { children.labelNames }

    let children: LabelledChildren<Counter>

    init(name: String, help: String, labelNames: [String]) {
        self.name = name
        self.help = help
        children = LabelledChildren(metricName: name, labelNames: labelNames) { Counter() }
    }

    /// The counter for these label values, one per label name in order, created at zero on first use.
    /// For a family without labels, call `labels()` with no arguments. A wrong number of values is a
    /// programmer error and stops the process.
    public func labels(_ values: String...) -> Counter {
        children.child(for: values)
    }

    /// The counter for these label values, as an array; see ``labels(_:)``.
    public func labels(_ values: [String]) -> Counter {
        children.child(for: values)
    }
}
