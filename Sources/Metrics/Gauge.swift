/// One gauge time series: a value that goes up and down. Get it from ``GaugeFamily/labels(_:)``;
/// keeping the handle makes every later update lock-free.
public final class Gauge: Sendable {
    private let storage = AtomicDouble()

    init() {}

    /// The current value.
    public var value: Double { storage.value }

    /// Replaces the value.
    public func set(_ value: Double) {
        storage.store(value)
    }

    /// Adds `amount` (1 by default).
    public func increment(by amount: Double = 1) {
        storage.add(amount)
    }

    /// Subtracts `amount` (1 by default).
    public func decrement(by amount: Double = 1) {
        storage.add(-amount)
    }
}

/// A gauge metric family: a name, HELP text, label names, and one ``Gauge`` per distinct tuple of
/// label values.
public final class GaugeFamily: Sendable {
    /// The metric name.
    public let name: String
    /// The HELP text, unescaped.
    public let help: String
    /// The label names, in the order ``labels(_:)`` takes their values.
    public var labelNames: [String] { children.labelNames }

    let children: LabelledChildren<Gauge>

    init(name: String, help: String, labelNames: [String]) {
        self.name = name
        self.help = help
        children = LabelledChildren(metricName: name, labelNames: labelNames) { Gauge() }
    }

    /// The gauge for these label values, one per label name in order, created at zero on first use.
    /// For a family without labels, call `labels()` with no arguments. A wrong number of values is a
    /// programmer error and stops the process.
    public func labels(_ values: String...) -> Gauge {
        children.child(for: values)
    }

    /// The gauge for these label values, as an array; see ``labels(_:)``.
    public func labels(_ values: [String]) -> Gauge {
        children.child(for: values)
    }
}
