/// Accumulates Prometheus text exposition (format 0.0.4): HELP and TYPE lines, then sample lines
/// `name{label="value",…} value`, each ending in a line feed.
struct ExpositionWriter {
    private(set) var text = ""

    init(reservingCapacity capacity: Int = 4096) {
        text.reserveCapacity(capacity)
    }

    /// Writes `# HELP name help` and `# TYPE name type`.
    mutating func writeHeader(name: String, help: String, type: MetricType) {
        text += "# HELP "
        text += name
        text += " "
        PrometheusTextFormat.appendEscapedHelp(help, to: &text)
        text += "\n# TYPE "
        text += name
        text += " "
        text += type.rawValue
        text += "\n"
    }

    /// Writes one sample line. `extraLabel` (used for a histogram's `le`) comes after the regular labels.
    mutating func writeSample(
        name: String, labelNames: [String], labelValues: [String],
        extraLabel: (name: String, value: String)? = nil, value: String
    ) {
        text += name
        if !labelNames.isEmpty || extraLabel != nil {
            text += "{"
            var first = true
            for (labelName, labelValue) in zip(labelNames, labelValues) {
                if !first { text += "," }
                first = false
                appendLabel(name: labelName, value: labelValue)
            }
            if let extraLabel {
                if !first { text += "," }
                appendLabel(name: extraLabel.name, value: extraLabel.value)
            }
            text += "}"
        }
        text += " "
        text += value
        text += "\n"
    }

    /// Writes one sample line whose value is a `Double`.
    mutating func writeSample(name: String, labelNames: [String], labelValues: [String], value: Double) {
        writeSample(
            name: name, labelNames: labelNames, labelValues: labelValues,
            value: PrometheusTextFormat.formatValue(value))
    }

    private mutating func appendLabel(name: String, value: String) {
        text += name
        text += "=\""
        PrometheusTextFormat.appendEscapedLabelValue(value, to: &text)
        text += "\""
    }
}
