import CYAML
import Foundation

/// Reads one YAML document into a positioned `YAMLNode` tree through libyaml's event API.
///
/// Rules: exactly one document per file; anchors, aliases and complex (non-scalar) keys are rejected;
/// duplicate mapping keys are errors; nesting deeper than `maximumDepth` is an error. Tags are ignored:
/// every scalar stays a string. Syntax errors carry libyaml's `problem_mark` as line:column.
public enum YAMLParser {
    /// Collections nested deeper than this are rejected (protects the recursive consumers of the tree).
    public static let maximumDepth = 200

    /// Parses the file at `path`, read to its end (a FIFO or a process substitution too); the position's file name is
    /// `path`.
    public static func parse(contentsOf path: String) throws(YAMLErrorList) -> YAMLNode {
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            throw YAMLErrorList([
                YAMLError(position: YAMLPosition(file: path, line: 1, column: 1), rule: "yaml.unreadable", message: "cannot read the file")
            ])
        }
        return try parse(bytes: [UInt8](data), file: path)
    }

    /// Parses YAML text; `file` names the source in positions.
    public static func parse(_ text: String, file: String) throws(YAMLErrorList) -> YAMLNode {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses YAML bytes (UTF-8, or UTF-16 with a byte-order mark).
    public static func parse(bytes: [UInt8], file: String) throws(YAMLErrorList) -> YAMLNode {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLErrorList([
                YAMLError(position: YAMLPosition(file: file, line: 1, column: 1), rule: "yaml.internal", message: "libyaml could not start")
            ])
        }
        defer { yaml_parser_delete(parser) }
        let input = bytes.isEmpty ? [0] : bytes
        let result: Result<YAMLNode, YAMLErrorList> = input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return .failure(YAMLErrorList([YAMLError(position: YAMLPosition(file: file, line: 1, column: 1), rule: "yaml.internal", message: "no input")]))
            }
            yaml_parser_set_input_string(parser, base, bytes.count)
            var builder = TreeBuilder(file: file)
            return builder.run(parser)
        }
        return try result.get()
    }
}

/// Turns the event stream into a tree with an explicit stack (no recursion on input depth).
private struct TreeBuilder {
    enum Frame {
        case sequence(YAMLPosition, [YAMLNode])
        case mapping(YAMLPosition, [YAMLPair], pendingKey: YAMLNode?, seen: [String: YAMLPosition])
    }

    let file: String
    var stack: [Frame] = []
    var root: YAMLNode?
    var documents = 0
    var errors: [YAMLError] = []

    init(file: String) { self.file = file }

    func position(_ mark: yaml_mark_t) -> YAMLPosition {
        YAMLPosition(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    mutating func run(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Result<YAMLNode, YAMLErrorList> {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                errors.append(syntaxError(parser.pointee))
                return .failure(YAMLErrorList(errors))
            }
            let done = event.type == YAML_STREAM_END_EVENT
            let fatal = handle(event)
            yaml_event_delete(&event)
            if fatal { return .failure(YAMLErrorList(errors)) }
            if done { break }
        }
        guard errors.isEmpty else { return .failure(YAMLErrorList(errors)) }
        guard let root else {
            return .failure(YAMLErrorList([YAMLError(position: YAMLPosition(file: file, line: 1, column: 1), rule: "yaml.empty", message: "the file holds no YAML document")]))
        }
        return .success(root)
    }

    func syntaxError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) \(context) (line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        let mark = parser.error == YAML_READER_ERROR
            ? yaml_mark_t(index: parser.problem_offset, line: 0, column: parser.problem_offset) : parser.problem_mark
        return YAMLError(position: position(mark), rule: "yaml.syntax", message: message)
    }

    /// Handles one event; returns true when parsing must stop.
    mutating func handle(_ event: yaml_event_t) -> Bool {
        let start = position(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                errors.append(YAMLError(position: start, rule: "yaml.multiple_documents", message: "only one YAML document per file is allowed"))
                return true
            }
        case YAML_ALIAS_EVENT:
            errors.append(YAMLError(position: start, rule: "yaml.alias", message: "aliases (*name) are not supported; write the value out"))
            return true
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            if scalar.anchor != nil { return anchorError(start) }
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            return add(YAMLNode(.scalar(text, style(scalar.style)), position: start))
        case YAML_SEQUENCE_START_EVENT:
            if event.data.sequence_start.anchor != nil { return anchorError(start) }
            return push(.sequence(start, []), at: start)
        case YAML_MAPPING_START_EVENT:
            if event.data.mapping_start.anchor != nil { return anchorError(start) }
            return push(.mapping(start, [], pendingKey: nil, seen: [:]), at: start)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return false }
            switch frame {
            case .sequence(let position, let items): return add(YAMLNode(.sequence(items), position: position))
            case .mapping(let position, let pairs, _, _): return add(YAMLNode(.mapping(pairs), position: position))
            }
        default:
            break
        }
        return false
    }

    mutating func anchorError(_ at: YAMLPosition) -> Bool {
        errors.append(YAMLError(position: at, rule: "yaml.anchor", message: "anchors (&name) are not supported"))
        return true
    }

    mutating func push(_ frame: Frame, at position: YAMLPosition) -> Bool {
        guard stack.count < YAMLParser.maximumDepth else {
            errors.append(YAMLError(position: position, rule: "yaml.too_deep", message: "nesting deeper than \(YAMLParser.maximumDepth) levels"))
            return true
        }
        if case .mapping(_, _, nil, _) = stack.last {
            errors.append(YAMLError(position: position, rule: "yaml.complex_key", message: "mapping keys must be plain strings, not lists or mappings"))
            return true
        }
        stack.append(frame)
        return false
    }

    /// Attaches a finished node to the enclosing collection (or makes it the root).
    mutating func add(_ node: YAMLNode) -> Bool {
        guard let top = stack.popLast() else {
            root = node
            return false
        }
        switch top {
        case .sequence(let position, var items):
            items.append(node)
            stack.append(.sequence(position, items))
        case .mapping(let position, var pairs, let pendingKey, var seen):
            if let key = pendingKey {
                pairs.append(YAMLPair(key: key, value: node))
                stack.append(.mapping(position, pairs, pendingKey: nil, seen: seen))
            } else {
                guard let name = node.scalarText else {
                    errors.append(node.error("yaml.complex_key", "mapping keys must be plain strings"))
                    return true
                }
                if let first = seen[name] {
                    errors.append(node.error("yaml.duplicate_key", "duplicate key '\(name)' (first at line \(first.line), column \(first.column))"))
                } else {
                    seen[name] = node.position
                }
                stack.append(.mapping(position, pairs, pendingKey: node, seen: seen))
            }
        }
        return false
    }

    func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
