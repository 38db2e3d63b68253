/// The syntax Prometheus accepts for metric and label names, as pure predicates.
///
/// The registry checks names with these when a family is registered and stops the process with a
/// precondition failure when one is invalid: a bad name is a programmer error, not a runtime condition.
public enum MetricNameRules {
    /// Whether `name` matches `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    public static func isValidMetricName(_ name: String) -> Bool {
        var bytes = name.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
        else { return false }
        while let byte = bytes.next() {
            guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") else {
                return false
            }
        }
        return true
    }

    /// Whether `name` matches `[a-zA-Z_][a-zA-Z0-9_]*` and does not start with `__`, which Prometheus
    /// reserves for its own use.
    public static func isValidLabelName(_ name: String) -> Bool {
        if name.hasPrefix("__") { return false }
        var bytes = name.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) || first == UInt8(ascii: "_") else { return false }
        while let byte = bytes.next() {
            guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") else { return false }
        }
        return true
    }

    /// Whether `name` is acceptable for a counter: a valid metric name ending in `_total`.
    public static func isValidCounterName(_ name: String) -> Bool {
        isValidMetricName(name) && name.hasSuffix("_total") && name != "_total"
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
