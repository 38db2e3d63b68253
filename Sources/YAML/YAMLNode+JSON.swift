import Domain
extension YAMLNode {
    /// How scalars become JSON values in `jsonText(scalars:)`.
    public enum JSONScalarTyping: Sendable {
        /// Every scalar is a JSON string: what the loaders of this project see.
        case strings
        /// Plain scalars are resolved by the YAML 1.2 core schema (`true`, `12`, `1.5`, `null`), as an editor's
        /// schema validator would; quoted scalars stay strings.
        case core
    }

    /// The node as JSON text (keys in document order), e.g. to validate it against a JSON Schema.
    public func jsonText(scalars typing: JSONScalarTyping = .strings) -> String {
        var output = ""
        appendJSON(to: &output, typing: typing)
        return output
    }

    private func appendJSON(to output: inout String, typing: JSONScalarTyping) {
        switch content {
        case .scalar(let text, let style):
            if typing == .core, style == .plain, let literal = Self.coreLiteral(text) {
                output += literal
            } else {
                Self.appendQuoted(text, to: &output)
            }
        case .sequence(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.appendJSON(to: &output, typing: typing)
            }
            output += "]"
        case .mapping(let pairs):
            output += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output += "," }
                Self.appendQuoted(pair.name, to: &output)
                output += ":"
                pair.value.appendJSON(to: &output, typing: typing)
            }
            output += "}"
        }
    }

    /// The JSON literal for a plain scalar under the YAML 1.2 core schema, or nil when it is a string.
    static func coreLiteral(_ text: String) -> String? {
        switch text {
        case "", "~", "null", "Null", "NULL": return "null"
        case "true", "True", "TRUE": return "true"
        case "false", "False", "FALSE": return "false"
        default: break
        }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let trimmed = digits.drop(while: { $0 == "0" })
            return (text.first == "-" ? "-" : "") + (trimmed.isEmpty ? "0" : String(trimmed))
        }
        if let value = Double(text), value.isFinite, text.allSatisfy({ "0123456789.eE+-".contains($0) }),
            text.contains(where: { $0.isNumber })
        {
            return "\(value)"
        }
        return nil
    }

    static func appendQuoted(_ text: String, to output: inout String) { JSONText.appendQuoted(text, to: &output) }
}
