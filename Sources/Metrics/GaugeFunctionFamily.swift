/// A gauge family whose samples are computed at scrape time by a callback, such as the review-queue
/// length read from the store. The callback runs during ``MetricsRegistry/render()``, outside the
/// registry's lock, so it may take its own locks or even read other metrics.
final class GaugeFunctionFamily: Sendable {
    let name: String
    let help: String
    let labelNames: [String]
    private let sample: @Sendable () -> [(labels: [String], value: Double)]

    init(
        name: String, help: String, labelNames: [String],
        sample: @escaping @Sendable () -> [(labels: [String], value: Double)]
    ) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
        self.sample = sample
    }

    /// Calls the callback and returns its samples sorted by label values. A sample with the wrong number
    /// of label values is a programmer error and stops the process.
    func sortedSamples() -> [(labels: [String], value: Double)] {
        let samples = sample()
        for entry in samples where entry.labels.count != labelNames.count {
            preconditionFailure(
                "Gauge function \(name) has labels \(labelNames) but its callback returned \(entry.labels)")
        }
        return samples.sorted { $0.labels.lexicographicallyPrecedes($1.labels) }
    }
}
