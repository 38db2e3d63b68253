/// Where a YAML node or problem sits: a file name plus a 1-based line and column.
public struct YAMLPosition: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the compiler convention.
    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem in a YAML document, tied to a position: a syntax error, a duplicate key, a value of the
/// wrong type, an unknown key. `rule` is a stable machine-readable name such as `yaml.duplicate_key`.
public struct YAMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: YAMLPosition
    public var rule: String
    public var message: String
    /// A hint, usually the nearest allowed name.
    public var suggestion: String?

    public init(position: YAMLPosition, rule: String, message: String, suggestion: String? = nil) {
        self.position = position
        self.rule = rule
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var text = "\(position): error: \(message) [\(rule)]"
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        return text
    }
}

/// Every problem found in one YAML document, in document order.
public struct YAMLErrorList: Error, Sendable, CustomStringConvertible {
    public var errors: [YAMLError]

    public init(_ errors: [YAMLError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
