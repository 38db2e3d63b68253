/// JSON string quoting (RFC 8259) for the hand-written JSON writers (feed lines, generated registries, YAML→JSON).
public enum JSONText {
    /// A JSON string literal, quotes included.
    public static func quote(_ text: String) -> String {
        var output = ""
        appendQuoted(text, to: &output)
        return output
    }

    /// Appends a JSON string literal to `output`; text without quotes, backslashes or controls is copied as is.
    public static func appendQuoted(_ text: String, to output: inout String) {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
            output += "\"" + text + "\""
            return
        }
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
