/// How a scalar was written. Only the style is kept: the value is always a string (no implicit typing).
public enum YAMLScalarStyle: String, Hashable, Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// One key/value entry of a YAML mapping, in document order.
public struct YAMLPair: Hashable, Sendable {
    /// The key node: always a scalar (the parser rejects complex keys).
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text.
    public var name: String { key.scalarText ?? "" }
}

/// A node of a YAML document with its position. Scalars stay strings: `no`, `1.0` and `~` are text until
/// a typed accessor (`string()`, `int()`, `bool()`, `double()`) reads them and reports a misuse at the node.
public struct YAMLNode: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(String, YAMLScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var position: YAMLPosition

    public init(_ content: Content, position: YAMLPosition) {
        self.content = content
        self.position = position
    }

    /// The scalar's text, or nil for a collection.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// True for an empty plain scalar (`key:` with nothing after it) or `~` / `null` written plain.
    public var isNull: Bool {
        if case .scalar(let text, .plain) = content { return text.isEmpty || text == "~" || text == "null" }
        return false
    }

    /// A short name of the node's shape for messages: "a string", "a list", "a mapping".
    public var shapeName: String {
        switch content {
        case .scalar: return "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// The value under `key` when this node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first(where: { $0.name == key })?.value
    }

    /// The entries of a mapping node, in document order; empty for other nodes.
    public var pairs: [YAMLPair] {
        if case .mapping(let pairs) = content { return pairs }
        return []
    }

    /// An error located at this node.
    public func error(_ rule: String, _ message: String, suggestion: String? = nil) -> YAMLError {
        YAMLError(position: position, rule: rule, message: message, suggestion: suggestion)
    }

    // MARK: Typed accessors

    /// The scalar's text; a list or mapping is an error.
    public func string() throws(YAMLError) -> String {
        guard let text = scalarText else { throw error("yaml.type", "expected a string, found \(shapeName)") }
        return text
    }

    /// A decimal integer (optional sign, digits only).
    public func int() throws(YAMLError) -> Int {
        let text = try string()
        guard let value = Int(text) else { throw error("yaml.type", "expected an integer, found '\(text)'") }
        return value
    }

    /// `true` or `false`, exactly: `yes`, `no`, `on` and `off` are not booleans here.
    public func bool() throws(YAMLError) -> Bool {
        let text = try string()
        switch text {
        case "true": return true
        case "false": return false
        default: throw error("yaml.type", "expected true or false, found '\(text)'")
        }
    }

    /// A finite decimal number (`12`, `-3.5`, `1e3`).
    public func double() throws(YAMLError) -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite, !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" })
        else { throw error("yaml.type", "expected a number, found '\(text)'") }
        return value
    }

    /// The items of a list.
    public func sequence() throws(YAMLError) -> [YAMLNode] {
        guard case .sequence(let items) = content else { throw error("yaml.type", "expected a list, found \(shapeName)") }
        return items
    }

    /// The entries of a mapping.
    public func mapping() throws(YAMLError) -> [YAMLPair] {
        guard case .mapping(let pairs) = content else { throw error("yaml.type", "expected a mapping, found \(shapeName)") }
        return pairs
    }
}
