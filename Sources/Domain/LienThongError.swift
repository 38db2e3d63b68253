/// A diagnostic tied to a place in an input or configuration file: `file:line:col: error: message`.
public struct Diagnostic: Error, Hashable, Codable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var rule: String
    public var message: String
    /// A hint such as the nearest known name.
    public var suggestion: String?

    public init(location: SourceLocation, rule: String, message: String, suggestion: String? = nil) {
        self.location = location
        self.rule = rule
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var text = "\(location): error: \(message) [\(rule)]"
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        return text
    }
}

/// Several diagnostics reported at once (a mapping file with many errors, say).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
