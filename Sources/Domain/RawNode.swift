/// A decoded value before mapping: the common shape of CSV rows, JSON values and XML elements.
///
/// - CSV: an `.object` of column name → `.text`.
/// - JSON: objects, arrays, strings; numbers and booleans keep their source spelling as `.text`.
/// - XML: an element with only text is `.text`; otherwise an `.object` whose keys are child element
///   names, `@attribute` names and `#text` for the element's own text. Repeated children are a `.list`.
public enum RawNode: Hashable, Sendable {
    case null
    case text(String)
    case list([RawNode])
    case object([(key: String, value: RawNode)])

    public static func == (lhs: RawNode, rhs: RawNode) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.text(let a), .text(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .text(let s): hasher.combine(1); hasher.combine(s)
        case .list(let items): hasher.combine(2); hasher.combine(items)
        case .object(let pairs):
            hasher.combine(3)
            for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
        }
    }

    /// The first value stored under `key` in an object (XML may repeat keys as lists instead).
    public subscript(key: String) -> RawNode? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first(where: { $0.key == key })?.value
    }

    /// The node's own text: a `.text` value, or an object's `#text`.
    public var text: String? {
        switch self {
        case .text(let s): return s
        case .object: return self["#text"]?.text
        default: return nil
        }
    }

    /// Follows a path; a `.key` step on a list applies to the list's first element.
    public func value(at path: RawPath) -> RawNode? {
        var node = self
        for step in path.steps {
            switch step {
            case .key(let key):
                if case .list(let items) = node, let first = items.first { node = first }
                guard let next = node[key] else { return nil }
                node = next
            case .index(let index):
                guard case .list(let items) = node, items.indices.contains(index) else {
                    if index == 0, case .object = node { continue }
                    return nil
                }
                node = items[index]
            }
        }
        return node
    }
}

/// A path into a `RawNode`: `owner/id_number`, `@id`, `items[2]/name`.
public struct RawPath: Hashable, Sendable, CustomStringConvertible {
    public enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }
    public var steps: [Step]

    public init(steps: [Step]) { self.steps = steps }

    /// Parses `a/b[2]/@c`. Returns nil for an empty path or a malformed index.
    public init?(parsing text: String) {
        var steps: [Step] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: true) {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                guard let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]), index >= 0
                else { return nil }
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            guard !name.isEmpty || !indices.isEmpty else { return nil }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps.append(contentsOf: indices.map { .index($0) })
        }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
    }

    public var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "/" + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

/// One record as a decoder saw it, with where it came from and its raw text for quarantine.
public struct RawRecord: Sendable {
    public var location: SourceLocation
    public var fields: RawNode
    /// The record's source bytes (a CSV line, a JSON object, an XML element; UTF-8, possibly capped), kept as
    /// bytes because only quarantine and diagnostics ever read them.
    public var rawBytes: [UInt8]

    /// The record's raw bytes as text, for quarantine and diagnostics.
    public var rawText: String { String(decoding: rawBytes, as: UTF8.self) }

    public init(location: SourceLocation, fields: RawNode, rawText: String) {
        self.init(location: location, fields: fields, rawBytes: Array(rawText.utf8))
    }

    public init(location: SourceLocation, fields: RawNode, rawBytes: [UInt8]) {
        self.location = location
        self.fields = fields
        self.rawBytes = rawBytes
    }
}
