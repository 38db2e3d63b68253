/// A histogram metric family: a name, HELP text, label names, bucket upper bounds, and one
/// ``Histogram`` per distinct tuple of label values.
public final class HistogramFamily: Sendable {
    /// The metric name; samples are exposed as `name_bucket`, `name_sum` and `name_count`.
    public let name: String
    /// The HELP text, unescaped.
    public let help: String
    /// The finite upper bounds shared by every child, strictly increasing; `+Inf` is implicit.
    public let upperBounds: [Double]
    /// The label names, in the order ``labels(_:)`` takes their values. Never includes `le`.
    public var labelNames: [String] { children.labelNames }

    let children: LabelledChildren<Histogram>

    init(name: String, help: String, labelNames: [String], upperBounds: [Double]) {
        self.name = name
        self.help = help
        self.upperBounds = upperBounds
        children = LabelledChildren(metricName: name, labelNames: labelNames) {
            Histogram(upperBounds: upperBounds)
        }
    }

    /// The histogram for these label values, one per label name in order, created empty on first use.
    /// For a family without labels, call `labels()` with no arguments. A wrong number of values is a
    /// programmer error and stops the process.
    public func labels(_ values: String...) -> Histogram {
        children.child(for: values)
    }

    /// The histogram for these label values, as an array; see ``labels(_:)``.
    public func labels(_ values: [String]) -> Histogram {
        children.child(for: values)
    }

    /// The finite, strictly increasing upper bounds to use for `buckets`: a trailing `+Inf` is dropped
    /// (it is always implicit); `nil` if any other bound is not finite or the bounds do not increase.
    public static func normalizedUpperBounds(_ buckets: [Double]) -> [Double]? {
        var bounds = buckets
        if bounds.last == .infinity { bounds.removeLast() }
        guard bounds.allSatisfy(\.isFinite) else { return nil }
        for index in bounds.indices.dropFirst() where !(bounds[index - 1] < bounds[index]) {
            return nil
        }
        return bounds
    }
}
