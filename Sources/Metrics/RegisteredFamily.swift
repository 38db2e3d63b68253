/// Any family the registry holds, with what it needs to check re-registration and to render.
enum RegisteredFamily: Sendable {
    case counter(CounterFamily)
    case gauge(GaugeFamily)
    case histogram(HistogramFamily)
    case gaugeFunction(GaugeFunctionFamily)

    var type: MetricType {
        switch self {
        case .counter: .counter
        case .gauge, .gaugeFunction: .gauge
        case .histogram: .histogram
        }
    }

    var labelNames: [String] {
        switch self {
        case .counter(let family): family.labelNames
        case .gauge(let family): family.labelNames
        case .histogram(let family): family.labelNames
        case .gaugeFunction(let family): family.labelNames
        }
    }

    /// The family's HELP and TYPE lines, then its samples with children sorted by label values.
    /// Gauge-function callbacks run here, so this must be called without the registry's lock held.
    func render(named name: String, into writer: inout ExpositionWriter) {
        switch self {
        case .counter(let family):
            writer.writeHeader(name: name, help: family.help, type: .counter)
            for (labelValues, counter) in family.children.sortedChildren() {
                writer.writeSample(
                    name: name, labelNames: family.labelNames, labelValues: labelValues, value: counter.value)
            }
        case .gauge(let family):
            writer.writeHeader(name: name, help: family.help, type: .gauge)
            for (labelValues, gauge) in family.children.sortedChildren() {
                writer.writeSample(
                    name: name, labelNames: family.labelNames, labelValues: labelValues, value: gauge.value)
            }
        case .gaugeFunction(let family):
            writer.writeHeader(name: name, help: family.help, type: .gauge)
            for (labelValues, value) in family.sortedSamples() {
                writer.writeSample(name: name, labelNames: family.labelNames, labelValues: labelValues, value: value)
            }
        case .histogram(let family):
            writer.writeHeader(name: name, help: family.help, type: .histogram)
            for (labelValues, histogram) in family.children.sortedChildren() {
                Self.renderHistogram(
                    histogram.snapshot, name: name, labelNames: family.labelNames, labelValues: labelValues,
                    into: &writer)
            }
        }
    }

    private static func renderHistogram(
        _ snapshot: HistogramSnapshot, name: String, labelNames: [String], labelValues: [String],
        into writer: inout ExpositionWriter
    ) {
        let bucketName = name + "_bucket"
        for (bound, count) in zip(snapshot.upperBounds, snapshot.cumulativeCounts) {
            writer.writeSample(
                name: bucketName, labelNames: labelNames, labelValues: labelValues,
                extraLabel: ("le", PrometheusTextFormat.formatValue(bound)), value: String(count))
        }
        writer.writeSample(
            name: bucketName, labelNames: labelNames, labelValues: labelValues,
            extraLabel: ("le", "+Inf"), value: String(snapshot.count))
        writer.writeSample(name: name + "_sum", labelNames: labelNames, labelValues: labelValues, value: snapshot.sum)
        writer.writeSample(
            name: name + "_count", labelNames: labelNames, labelValues: labelValues, value: String(snapshot.count))
    }
}
