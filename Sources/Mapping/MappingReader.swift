import Domain
import YAML

/// Reads mapping-file building blocks from YAML nodes, collecting every error instead of stopping at the first.
struct MappingReader {
    var errors: [YAMLError] = []

    mutating func fail(_ node: YAMLNode, _ rule: String, _ message: String, suggestion: String? = nil) {
        errors.append(node.error(rule, message, suggestion: suggestion))
    }

    mutating func check(_ node: YAMLNode, allowed: [String], required: [String] = [], context: String) -> Bool {
        let found = node.checkKeys(allowed: allowed, required: required, context: context)
        errors.append(contentsOf: found)
        if case .mapping = node.content { return true }
        return false
    }

    /// A scalar's text, or an error naming `what`.
    mutating func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        do {
            return try node.string()
        } catch {
            fail(node, "mapping.type", "\(what) must be a string, found \(node.shapeName)")
            return nil
        }
    }

    mutating func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        do {
            return try node.bool()
        } catch {
            fail(node, "mapping.type", "\(what) must be true or false, found \(node.scalarText.map { "'\($0)'" } ?? node.shapeName)")
            return nil
        }
    }

    /// One of a fixed set of words, with a suggestion when misspelt.
    mutating func choice(_ node: YAMLNode?, _ what: String, in options: [String]) -> String? {
        guard let node, let text = string(node, what) else { return nil }
        guard options.contains(text) else {
            fail(
                node, "mapping.unknown_value", "\(what) '\(text)' is not one of: \(options.joined(separator: ", "))",
                suggestion: EditDistance.nearest(to: text, in: options))
            return nil
        }
        return text
    }

    /// A list of strings; a single string counts as a one-item list.
    mutating func strings(_ node: YAMLNode?, _ what: String) -> [(String, YAMLNode)] {
        guard let node else { return [] }
        if node.scalarText != nil { return string(node, what).map { [($0, node)] } ?? [] }
        guard case .sequence(let items) = node.content else {
            fail(node, "mapping.type", "\(what) must be a string or a list of strings, found \(node.shapeName)")
            return []
        }
        return items.compactMap { item in string(item, what).map { ($0, item) } }
    }

    /// A `RawPath` selector.
    mutating func selector(_ text: String, at node: YAMLNode) -> RawPath? {
        guard !text.contains("{"), !text.contains("}"), let path = RawPath(parsing: text) else {
            fail(node, "mapping.bad_selector", "'\(text)' is not a selector (write a/b, @attr, items[0]/x)")
            return nil
        }
        return path
    }

    /// A template `literal{selector}…`; braces must balance and each selector must parse.
    mutating func template(_ text: String, at node: YAMLNode) -> Template? {
        var parts: [Template.Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                fail(node, "mapping.bad_template", "unbalanced braces in template '\(text)'")
                return nil
            }
            literal += rest[..<open]
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            var inner = rest[rest.index(after: open)..<close]
            let optional = inner.hasSuffix("?")
            if optional { inner = inner.dropLast() }
            guard let path = selector(String(inner), at: node) else { return nil }
            parts.append(optional ? .optionalField(path) : .field(path))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard parts.contains(where: { if case .literal = $0 { return false } else { return true } }) else {
            fail(node, "mapping.bad_template", "template '\(text)' selects nothing; write {column} for each value")
            return nil
        }
        return Template(parts: parts)
    }

    /// A bare string: a template when it holds `{`, else a selector.
    mutating func source(_ text: String, at node: YAMLNode) -> ValueSource? {
        if text.contains("{") || text.contains("}") { return template(text, at: node).map(ValueSource.template) }
        return selector(text, at: node).map(ValueSource.path)
    }

    static let fieldKeys = ["from", "template", "transform", "codes", "default", "required"]

    /// A field: a bare selector/template string, or `{from|template, transform, codes, default, required}`.
    /// `extraKeys` are keys the caller reads itself (identifier `type`, `when`).
    mutating func field(_ node: YAMLNode, _ what: String, extraKeys: [String] = []) -> FieldSpec? {
        let location = node.sourceLocation
        if let text = node.scalarText {
            return source(text, at: node).map { FieldSpec(source: $0, location: location) }
        }
        guard check(node, allowed: Self.fieldKeys + extraKeys, context: what) else { return nil }
        var spec = FieldSpec(source: nil, location: location)
        var valid = true
        if let from = node["from"], let text = string(from, "\(what).from") {
            if let path = selector(text, at: from) { spec.source = .path(path) } else { valid = false }
        }
        if let templateNode = node["template"], let text = string(templateNode, "\(what).template") {
            if node["from"] != nil {
                fail(templateNode, "mapping.conflict", "\(what) has both 'from' and 'template'; keep one")
                valid = false
            } else if let template = template(text, at: templateNode) {
                spec.source = .template(template)
            } else {
                valid = false
            }
        }
        for (name, item) in strings(node["transform"], "\(what).transform") {
            if let transform = Transform(rawValue: name) {
                spec.transforms.append(transform)
            } else {
                fail(item, "mapping.unknown_transform", "unknown transform '\(name)'", suggestion: EditDistance.nearest(to: name, in: Transform.names))
                valid = false
            }
        }
        if let codes = node["codes"] {
            if case .mapping(let pairs) = codes.content {
                for pair in pairs {
                    if let value = string(pair.value, "\(what).codes['\(pair.name)']") { spec.codes[TextFolding.fold(pair.name)] = value }
                }
            } else {
                fail(codes, "mapping.type", "\(what).codes must be a mapping of source value → canonical value, found \(codes.shapeName)")
            }
        }
        spec.defaultValue = string(node["default"], "\(what).default")
        spec.required = bool(node["required"], "\(what).required")
        if spec.source == nil, spec.defaultValue == nil, valid {
            fail(node, "mapping.missing_key", "\(what) needs 'from', 'template' or 'default'")
            valid = false
        }
        return valid ? spec : nil
    }

    /// `{field: selector, equals: X | in: [X, Y] | present: true|false}`.
    mutating func condition(_ node: YAMLNode, _ what: String) -> Condition? {
        guard check(node, allowed: ["field", "equals", "in", "present"], required: ["field"], context: what),
            let fieldNode = node["field"], let text = string(fieldNode, "\(what).field"), let path = selector(text, at: fieldNode)
        else { return nil }
        let tests = ["equals", "in", "present"].filter { node[$0] != nil }
        guard tests.count == 1 else {
            fail(node, "mapping.bad_condition", "\(what) needs exactly one of 'equals', 'in', 'present'")
            return nil
        }
        if let equals = node["equals"] {
            return string(equals, "\(what).equals").map { Condition(path: path, test: .oneOf([$0])) }
        }
        if let list = node["in"] {
            let values = strings(list, "\(what).in").map(\.0)
            return values.isEmpty ? nil : Condition(path: path, test: .oneOf(values))
        }
        return bool(node["present"], "\(what).present").map { Condition(path: path, test: .present($0)) }
    }
}

extension YAMLNode {
    /// The node's position as a Domain source location.
    var sourceLocation: SourceLocation {
        SourceLocation(file: position.file, line: position.line, column: position.column)
    }
}

extension Diagnostic {
    init(_ error: YAMLError) {
        self.init(
            location: SourceLocation(file: error.position.file, line: error.position.line, column: error.position.column),
            rule: error.rule, message: error.message, suggestion: error.suggestion)
    }
}
