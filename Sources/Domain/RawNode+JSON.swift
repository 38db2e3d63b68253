/// A raw record's tree as JSON text and back: objects (key order kept), arrays, strings and null — the only shapes
/// a `RawNode` has. What `lienthong decode` prints, and how a quarantined record's tree is kept so that it can be
/// re-driven through a fixed mapping without its file.
extension RawNode {
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .text(let text): return JSONText.quote(text)
        case .list(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { JSONText.quote($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }

    /// Parses what `jsonText` writes (any JSON whitespace allowed; object keys keep their order); numbers and
    /// booleans are refused: a raw record holds text only.
    public init(jsonText: String) throws(RawNodeJSONError) {
        do {
            self = try CanonicalJSONReader.read(jsonText) { try Self.read(&$0, depth: 0) }
        } catch let error as CanonicalJSONError {
            throw RawNodeJSONError(offset: error.offset, message: error.message)
        } catch {
            throw RawNodeJSONError(offset: 0, message: "\(error)")
        }
    }

    private static func read(_ reader: inout CanonicalJSONReader, depth: Int) throws -> RawNode {
        guard depth < 200 else { throw reader.error("nested too deeply") }
        reader.skipWhitespace()
        guard reader.offset < reader.input.count else { throw reader.error("unexpected end of text") }
        switch reader.input[reader.offset] {
        case UInt8(ascii: "\""):
            return .text(try reader.string())
        case UInt8(ascii: "["):
            var items: [RawNode] = []
            try reader.array { items.append(try read(&$0, depth: depth + 1)) }
            return .list(items)
        case UInt8(ascii: "{"):
            var pairs: [(key: String, value: RawNode)] = []
            try reader.object { reader, key in pairs.append((key.text, try read(&reader, depth: depth + 1))) }
            return .object(pairs)
        default:
            guard reader.null() else { throw reader.error("expected a string, an array, an object or null (a raw record holds text only)") }
            return .null
        }
    }
}

/// JSON that is not a raw record's tree, with the byte offset of the fault.
public struct RawNodeJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { "raw record JSON at byte \(offset): \(message)" }
}
