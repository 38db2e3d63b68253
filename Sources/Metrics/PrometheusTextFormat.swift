/// The pieces of the Prometheus text exposition format, version 0.0.4, that every metric type shares:
/// the HTTP content type, escaping of HELP text and label values, and the spelling of sample values.
///
/// All functions are pure, so they can be tested on their own and reused by anyone writing exposition text.
public enum PrometheusTextFormat {
    /// The `Content-Type` to send with a `GET /metrics` response whose body is ``MetricsRegistry/render()``.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Escapes HELP text: a backslash becomes `\\` and a line feed becomes `\n`. Everything else,
    /// including double quotes and non-ASCII UTF-8 such as Vietnamese, is kept as is.
    public static func escapeHelp(_ text: String) -> String {
        var output = ""
        appendEscapedHelp(text, to: &output)
        return output
    }

    /// Escapes a label value: a backslash becomes `\\`, a double quote `\"` and a line feed `\n`.
    /// Everything else, including non-ASCII UTF-8, is kept as is.
    public static func escapeLabelValue(_ value: String) -> String {
        var output = ""
        appendEscapedLabelValue(value, to: &output)
        return output
    }

    /// Spells a sample value the way Prometheus parses it: `+Inf`, `-Inf` and `NaN` for the special values,
    /// integral values of magnitude below 10^15 without a fractional part (`3`, not `3.0`), and every other
    /// value in Swift's shortest round-tripping form (`0.25`, `1e-05`, `1e+20`), so that parsing the text
    /// gives back exactly the same `Double`.
    public static func formatValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value.rounded(.towardZero) == value, value.magnitude < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }

    static func appendEscapedHelp(_ text: String, to output: inout String) {
        appendEscaped(text, quotes: false, to: &output)
    }

    static func appendEscapedLabelValue(_ value: String, to output: inout String) {
        appendEscaped(value, quotes: true, to: &output)
    }

    /// Backslash and line feed always; the double quote too inside a label value (`quotes`).
    private static func appendEscaped(_ text: String, quotes: Bool, to output: inout String) {
        let needsEscaping = text.utf8.contains {
            $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || (quotes && $0 == UInt8(ascii: "\""))
        }
        guard needsEscaping else {
            output += text
            return
        }
        for character in text.unicodeScalars {
            switch character {
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\"" where quotes: output += "\\\""
            default: output.unicodeScalars.append(character)
            }
        }
    }
}
