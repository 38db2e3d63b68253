import Domain
import TextEncodings

/// Why a JSON parse step stopped.
enum JSONParseStop: Error {
    /// The value runs past the buffered bytes; retry from its start after reading more.
    case needMore
    /// The input is not valid JSON (or breaks one of our rules) at index `at` of the buffer.
    case invalid(at: Int, rule: String, message: String)
}

/// A byte-level, position-keeping JSON parser over one buffered window.
///
/// Values become `RawNode`s: objects keep key order, numbers and booleans keep their spelling as `.text`, `null` is
/// `.null`. Duplicate keys, nesting deeper than `maxDepth`, lone surrogates, raw control characters and invalid
/// UTF-8 or UTF-16 are rejected. In a legacy encoding, a string holding a byte the encoding leaves undefined is read
/// as U+FFFD and noted in `undecodable`: it spoils its record, not the file.
struct JSONValueParser {
    let p: UnsafeBufferPointer<UInt8>
    let end: Int
    let eof: Bool
    let text: FieldText
    var maxDepth = 64
    var scratch: [UInt8] = []
    /// Strings of this parse that a legacy encoding could not decode: the buffer index of the byte, and why.
    final class UndecodableStrings {
        /// Places kept per parse (a record's reasons); a string of many undefined bytes is still one damaged record.
        static let kept = 10
        var found: [(at: Int, reason: String)] = []
    }
    let undecodable = UndecodableStrings()

    init(_ p: UnsafeBufferPointer<UInt8>, end: Int, eof: Bool, text: FieldText) {
        self.p = p
        self.end = end
        self.eof = eof
        self.text = text
    }

    @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Skips whitespace; returns the next byte or nil at end of buffer.
    @inline(__always)
    func skipSpace(_ i: inout Int) -> UInt8? {
        while i < end {
            let b = p[i]
            if !isSpace(b) { return b }
            i += 1
        }
        return nil
    }

    /// Skips whitespace and returns the next byte, asking for more input when the buffer ends first.
    func peek(_ i: inout Int, expecting what: String) throws(JSONParseStop) -> UInt8 {
        if let b = skipSpace(&i) { return b }
        if eof { throw .invalid(at: i, rule: "json.unexpected_end", message: "unexpected end of input; expected \(what)") }
        throw .needMore
    }

    mutating func parseValue(_ i: inout Int, depth: Int) throws(JSONParseStop) -> RawNode {
        let b = try peek(&i, expecting: "a value")
        switch b {
        case 0x7B: return try parseObject(&i, depth: depth + 1)
        case 0x5B: return try parseArray(&i, depth: depth + 1)
        case 0x22: return .text(try parseString(&i))
        case 0x74: return .text(try literal(&i, "true"))
        case 0x66: return .text(try literal(&i, "false"))
        case 0x6E: _ = try literal(&i, "null"); return .null
        case 0x2D, 0x30...0x39: return .text(try parseNumber(&i))
        default:
            throw .invalid(at: i, rule: "json.unexpected_character", message: "unexpected '\(Self.show(b))'; expected a value")
        }
    }

    mutating func parseObject(_ i: inout Int, depth: Int) throws(JSONParseStop) -> RawNode {
        if depth > maxDepth { throw .invalid(at: i, rule: "json.too_deep", message: "nesting deeper than \(maxDepth) levels") }
        i += 1
        var pairs: [(key: String, value: RawNode)] = []
        if try peek(&i, expecting: "a key or '}'") == 0x7D { i += 1; return .object(pairs) }
        while true {
            guard try peek(&i, expecting: "a key") == 0x22 else {
                throw .invalid(at: i, rule: "json.expected_key", message: "expected a quoted key")
            }
            let keyStart = i
            let key = try parseString(&i)
            if pairs.contains(where: { $0.key == key }) {
                throw .invalid(at: keyStart, rule: "json.duplicate_key", message: "duplicate key '\(key)'")
            }
            guard try peek(&i, expecting: "':'") == 0x3A else {
                throw .invalid(at: i, rule: "json.expected_colon", message: "expected ':' after a key")
            }
            i += 1
            let value = try parseValue(&i, depth: depth)
            pairs.append((key: key, value: value))
            switch try peek(&i, expecting: "',' or '}'") {
            case 0x2C: i += 1
            case 0x7D: i += 1; return .object(pairs)
            case let other: throw .invalid(at: i, rule: "json.unexpected_character", message: "unexpected '\(Self.show(other))'; expected ',' or '}'")
            }
        }
    }

    mutating func parseArray(_ i: inout Int, depth: Int) throws(JSONParseStop) -> RawNode {
        if depth > maxDepth { throw .invalid(at: i, rule: "json.too_deep", message: "nesting deeper than \(maxDepth) levels") }
        i += 1
        var items: [RawNode] = []
        if try peek(&i, expecting: "a value or ']'") == 0x5D { i += 1; return .list(items) }
        while true {
            items.append(try parseValue(&i, depth: depth))
            switch try peek(&i, expecting: "',' or ']'") {
            case 0x2C: i += 1
            case 0x5D: i += 1; return .list(items)
            case let other: throw .invalid(at: i, rule: "json.unexpected_character", message: "unexpected '\(Self.show(other))'; expected ',' or ']'")
            }
        }
    }

    func literal(_ i: inout Int, _ word: StaticString) throws(JSONParseStop) -> String {
        let n = word.utf8CodeUnitCount
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n {
            if i + k >= end {
                if eof { throw .invalid(at: i + k, rule: "json.unexpected_end", message: "unexpected end of input in '\(word)'") }
                throw .needMore
            }
            if p[i + k] != bytes[k] { throw .invalid(at: i, rule: "json.invalid_literal", message: "invalid literal; expected '\(word)'") }
        }
        i += n
        try requireDelimiter(i)
        return word.description
    }

    /// After a number or literal, the next byte must end the token.
    private func requireDelimiter(_ i: Int) throws(JSONParseStop) {
        if i >= end { if eof { return }; throw .needMore }
        switch p[i] {
        case 0x20, 0x0A, 0x0D, 0x09, 0x2C, 0x5D, 0x7D: return
        default: throw .invalid(at: i, rule: "json.unexpected_character", message: "unexpected '\(Self.show(p[i]))' after a value")
        }
    }

    func parseNumber(_ i: inout Int) throws(JSONParseStop) -> String {
        let start = i
        var k = i
        func byte(_ k: Int) throws(JSONParseStop) -> UInt8? {
            if k < end { return p[k] }
            if eof { return nil }
            throw .needMore
        }
        func digits(_ k: inout Int) throws(JSONParseStop) -> Int {
            var n = 0
            while let b = try byte(k), b >= 0x30 && b <= 0x39 { k += 1; n += 1 }
            return n
        }
        if try byte(k) == 0x2D { k += 1 }
        let first = try byte(k)
        if first == 0x30 {
            k += 1
        } else if try digits(&k) == 0 {
            throw .invalid(at: k, rule: "json.invalid_number", message: "a number needs digits")
        }
        if try byte(k) == 0x2E {
            k += 1
            if try digits(&k) == 0 { throw .invalid(at: k, rule: "json.invalid_number", message: "digits expected after '.'") }
        }
        if let e = try byte(k), e == 0x65 || e == 0x45 {
            k += 1
            if let sign = try byte(k), sign == 0x2B || sign == 0x2D { k += 1 }
            if try digits(&k) == 0 { throw .invalid(at: k, rule: "json.invalid_number", message: "digits expected in the exponent") }
        }
        try requireDelimiter(k)
        i = k
        return String(decoding: UnsafeBufferPointer(rebasing: p[start..<k]), as: UTF8.self)
    }

    static func show(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16, uppercase: true)
    }
}
