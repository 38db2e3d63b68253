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

    /// Parses what `jsonText` writes (any JSON whitespace allowed); numbers and booleans are refused: a raw
    /// record holds text only.
    public init(jsonText: String) throws(RawNodeJSONError) {
        var parser = Parser(bytes: Array(jsonText.utf8))
        self = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.offset == parser.bytes.count else { throw RawNodeJSONError(offset: parser.offset, message: "text after the value") }
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0

        mutating func skipWhitespace() {
            while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
        }

        func fail(_ message: String) -> RawNodeJSONError { RawNodeJSONError(offset: offset, message: message) }

        mutating func expect(_ byte: UInt8) throws(RawNodeJSONError) {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == byte else { throw fail("expected '\(Character(UnicodeScalar(byte)))'") }
            offset += 1
        }

        mutating func value(depth: Int) throws(RawNodeJSONError) -> RawNode {
            guard depth < 200 else { throw fail("nested too deeply") }
            skipWhitespace()
            guard offset < bytes.count else { throw fail("unexpected end") }
            switch bytes[offset] {
            case UInt8(ascii: "\""): return .text(try string())
            case UInt8(ascii: "n"):
                guard bytes[offset...].starts(with: Array("null".utf8)) else { throw fail("expected null") }
                offset += 4
                return .null
            case UInt8(ascii: "["):
                offset += 1
                var items: [RawNode] = []
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
                    offset += 1
                    return .list(items)
                }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard offset < bytes.count else { throw fail("unexpected end") }
                    offset += 1
                    if bytes[offset - 1] == UInt8(ascii: "]") { return .list(items) }
                    guard bytes[offset - 1] == UInt8(ascii: ",") else { throw fail("expected ',' or ']'") }
                }
            case UInt8(ascii: "{"):
                offset += 1
                var pairs: [(key: String, value: RawNode)] = []
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
                    offset += 1
                    return .object(pairs)
                }
                while true {
                    skipWhitespace()
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    pairs.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard offset < bytes.count else { throw fail("unexpected end") }
                    offset += 1
                    if bytes[offset - 1] == UInt8(ascii: "}") { return .object(pairs) }
                    guard bytes[offset - 1] == UInt8(ascii: ",") else { throw fail("expected ',' or '}'") }
                }
            default:
                throw fail("expected a string, an array, an object or null")
            }
        }

        mutating func string() throws(RawNodeJSONError) -> String {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string") }
            offset += 1
            var scalars = String.UnicodeScalarView()
            var run = offset
            func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    flush(offset)
                    offset += 1
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else {
                    offset += 1
                    continue
                }
                flush(offset)
                guard offset + 1 < bytes.count else { throw fail("unterminated escape") }
                let escaped = bytes[offset + 1]
                offset += 2
                switch escaped {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): scalars.append(UnicodeScalar(escaped))
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), bytes[offset...].starts(with: Array("\\u".utf8)) {
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = UnicodeScalar(code) else { throw fail("invalid \\u escape") }
                    scalars.append(scalar)
                default: throw fail("invalid escape")
                }
                run = offset
            }
            throw fail("unterminated string")
        }

        mutating func hex4() throws(RawNodeJSONError) -> UInt32 {
            guard offset + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16) else {
                throw fail("expected four hex digits")
            }
            offset += 4
            return value
        }
    }
}

/// JSON that is not a raw record's tree, with the byte offset of the fault.
public struct RawNodeJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { "raw record JSON at byte \(offset): \(message)" }
}
