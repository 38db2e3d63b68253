/// A value that reads itself from JSON text with `CanonicalJSONReader`, accepting what its `Decodable`
/// conformance accepts from `JSONDecoder` for the stored forms: any key order and whitespace, unknown keys
/// ignored, `null` or a missing key for an optional.
public protocol CanonicalJSONReadable {
    init(canonicalJSON reader: inout CanonicalJSONReader) throws
}

/// Malformed JSON, or JSON that is not the expected value; `offset` is the byte offset in the UTF-8 text.
public struct CanonicalJSONError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}

/// An object key as read: the raw bytes when the key has no escapes (the usual case, no allocation), else the
/// decoded text.
public struct CanonicalJSONKey {
    fileprivate let raw: UnsafeBufferPointer<UInt8>
    fileprivate let decoded: String?

    public static func == (key: CanonicalJSONKey, name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            if let decoded = key.decoded { return decoded.utf8.elementsEqual(expected) }
            guard key.raw.count == expected.count else { return false }
            for index in 0..<expected.count where key.raw[index] != expected[index] { return false }
            return true
        }
    }

    public var text: String { decoded ?? String(decoding: raw, as: UTF8.self) }
}

/// A small pull parser over UTF-8 JSON text (RFC 8259): the typed readers of the stored value types walk it
/// directly, without building a tree. Each value reader skips leading whitespace.
public struct CanonicalJSONReader {
    let input: UnsafeBufferPointer<UInt8>
    /// Byte offset of the next unread byte.
    public internal(set) var offset: Int
    private static let maximumDepth = 512

    /// Runs `body` over `text`, then requires that only whitespace follows the value it read.
    public static func read<T>(_ text: String, _ body: (inout CanonicalJSONReader) throws -> T) throws -> T {
        var text = text
        if let value = try text.utf8.withContiguousStorageIfAvailable({ try read($0, body) }) { return value }
        text.makeContiguousUTF8()
        return try text.utf8.withContiguousStorageIfAvailable { try read($0, body) }!
    }

    private static func read<T>(_ input: UnsafeBufferPointer<UInt8>, _ body: (inout CanonicalJSONReader) throws -> T) throws -> T {
        var reader = CanonicalJSONReader(input: input, offset: 0)
        let value = try body(&reader)
        reader.skipWhitespace()
        guard reader.offset == input.count else { throw reader.error("unexpected text after the value") }
        return value
    }

    public func error(_ message: String, at offset: Int? = nil) -> CanonicalJSONError {
        CanonicalJSONError(message, offset: offset ?? self.offset)
    }

    // MARK: structure

    /// Reads an object, calling `field` for each key with the reader positioned at the key's value; `field` must
    /// read or skip that value.
    public mutating func object(_ field: (inout CanonicalJSONReader, CanonicalJSONKey) throws -> Void) throws {
        try open(UInt8(ascii: "{"), "an object")
        if consume(UInt8(ascii: "}")) { return }
        while true {
            skipWhitespace()
            let key = try key()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("expected ':' after an object key") }
            try field(&self, key)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return }
            throw error(offset < input.count ? "expected ',' or '}' in an object" : "unterminated object")
        }
    }

    /// Reads an array, calling `element` with the reader positioned at each element.
    public mutating func array(_ element: (inout CanonicalJSONReader) throws -> Void) throws {
        try open(UInt8(ascii: "["), "an array")
        if consume(UInt8(ascii: "]")) { return }
        while true {
            try element(&self)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return }
            throw error(offset < input.count ? "expected ',' or ']' in an array" : "unterminated array")
        }
    }

    public mutating func array<Element: CanonicalJSONReadable>(of type: Element.Type) throws -> [Element] {
        var elements: [Element] = []
        try array { elements.append(try Element(canonicalJSON: &$0)) }
        return elements
    }

    public mutating func strings() throws -> [String] {
        var elements: [String] = []
        try array { elements.append(try $0.string()) }
        return elements
    }

    private mutating func open(_ opener: UInt8, _ what: String) throws {
        skipWhitespace()
        guard consume(opener) else { throw error(offset < input.count ? "expected \(what)" : "unexpected end of text") }
        skipWhitespace()
    }

    // MARK: scalars

    /// Consumes `null` if it is next: an optional field's absent value.
    public mutating func null() -> Bool {
        skipWhitespace()
        return literal("null")
    }

    public mutating func bool() throws -> Bool {
        skipWhitespace()
        if literal("true") { return true }
        if literal("false") { return false }
        throw error("expected true or false")
    }

    public mutating func double() throws -> Double {
        skipWhitespace()
        let start = offset
        try skipNumber()
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: input[start..<offset]), as: UTF8.self)),
            value.isFinite
        else { throw error("number out of range", at: start) }
        return value
    }

    public mutating func int() throws -> Int {
        skipWhitespace()
        let start = offset
        let integral = try skipNumber()
        let token = String(decoding: UnsafeBufferPointer(rebasing: input[start..<offset]), as: UTF8.self)
        if integral, let value = Int(token) { return value }
        if !integral, let value = Double(token), value == value.rounded(), let exact = Int(exactly: value) { return exact }
        throw error("not an integer in range: \(token)", at: start)
    }

    public mutating func string() throws -> String {
        skipWhitespace()
        guard consume(UInt8(ascii: "\"")) else { throw error(offset < input.count ? "expected a string" : "unexpected end of text") }
        let start = offset
        while offset < input.count {
            let byte = input[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: UnsafeBufferPointer(rebasing: input[start..<offset - 1]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return String(decoding: try escapedString(from: start), as: UTF8.self) }
            guard byte >= 0x20 else { throw error("unescaped control character in a string") }
            offset += 1
        }
        throw error("unterminated string", at: start - 1)
    }

    /// A string whose raw value is one of `Value`'s cases.
    public mutating func raw<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        skipWhitespace()
        let start = offset
        let text = try string()
        guard let value = Value(rawValue: text) else { throw error("not a \(Value.self): \"\(text)\"", at: start) }
        return value
    }

    /// Skips any one value, checking that it is well formed.
    public mutating func skipValue() throws { try skipValue(depth: 0) }

    private mutating func skipValue(depth: Int) throws {
        guard depth < Self.maximumDepth else { throw error("nested too deeply") }
        skipWhitespace()
        guard offset < input.count else { throw error("unexpected end of text") }
        switch input[offset] {
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array { try $0.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try key()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): if !null() { throw error("expected null") }
        default: try skipNumber()
        }
    }

    // MARK: lexing

    mutating func skipWhitespace() {
        while offset < input.count {
            switch input[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard offset < input.count, input[offset] == byte else { return false }
        offset += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let matches = word.withUTF8Buffer { bytes in
            guard input.count - offset >= bytes.count else { return false }
            for index in 0..<bytes.count where input[offset + index] != bytes[index] { return false }
            return true
        }
        if matches { offset += word.utf8CodeUnitCount }
        return matches
    }

    /// Skips a JSON number (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`); true when it has neither
    /// fraction nor exponent.
    @discardableResult
    private mutating func skipNumber() throws -> Bool {
        let start = offset
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
        } else if try digits() == 0 {
            throw error(offset < input.count ? "expected a value" : "unexpected end of text", at: start)
        }
        var integral = true
        if consume(UInt8(ascii: ".")) {
            integral = false
            guard try digits() > 0 else { throw error("expected digits after '.'") }
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            integral = false
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard try digits() > 0 else { throw error("expected exponent digits") }
        }
        return integral
    }

    private mutating func digits() throws -> Int {
        let start = offset
        while offset < input.count, (0x30...0x39).contains(input[offset]) { offset += 1 }
        return offset - start
    }

    /// An object key, or a skipped string.
    private mutating func key() throws -> CanonicalJSONKey {
        guard consume(UInt8(ascii: "\"")) else { throw error(offset < input.count ? "expected a string key" : "unexpected end of text") }
        let start = offset
        while offset < input.count {
            let byte = input[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return CanonicalJSONKey(raw: UnsafeBufferPointer(rebasing: input[start..<offset - 1]), decoded: nil)
            }
            if byte == UInt8(ascii: "\\") {
                let decoded = String(decoding: try escapedString(from: start), as: UTF8.self)
                return CanonicalJSONKey(raw: UnsafeBufferPointer(rebasing: input[start..<start]), decoded: decoded)
            }
            guard byte >= 0x20 else { throw error("unescaped control character in a string") }
            offset += 1
        }
        throw error("unterminated string", at: start - 1)
    }

    /// The UTF-8 of a string with escapes, from `start` (after the opening quote) to the closing quote.
    private mutating func escapedString(from start: Int) throws -> [UInt8] {
        var bytes = Array(UnsafeBufferPointer(rebasing: input[start..<offset]))
        while offset < input.count {
            let byte = input[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return bytes
            case UInt8(ascii: "\\"): try unescape(into: &bytes)
            case 0..<0x20:
                offset -= 1
                throw error("unescaped control character in a string")
            default: bytes.append(byte)
            }
        }
        throw error("unterminated string", at: start - 1)
    }

    private mutating func unescape(into bytes: inout [UInt8]) throws {
        guard offset < input.count else { throw error("unterminated string") }
        let escape = input[offset]
        offset += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            let escapeStart = offset - 2
            var value = try hex4()
            if (0xD800...0xDBFF).contains(value) {
                guard literal("\\u") else { throw error("unpaired surrogate \\u\(String(value, radix: 16))", at: escapeStart) }
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate", at: escapeStart) }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(value) {
                throw error("unpaired surrogate \\u\(String(value, radix: 16))", at: escapeStart)
            }
            bytes.append(contentsOf: UTF8.encode(Unicode.Scalar(value)!)!)
        default:
            throw error("invalid escape '\\\(Unicode.Scalar(escape))'", at: offset - 2)
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard input.count - offset >= 4 else { throw error("expected four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = input[offset]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw error("expected a hex digit")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}
