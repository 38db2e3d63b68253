/// The kind of a metric family, spelled as on its `# TYPE` line.
enum MetricType: String, Sendable, Hashable {
    /// A value that only goes up (and back to zero when the process restarts).
    case counter
    /// A value that goes up and down.
    case gauge
    /// Observations counted into cumulative buckets, with their sum and count.
    case histogram
}
