import Foundation

/// A value that writes its own canonical JSON, byte-identical to `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]` over its `Encodable` conformance (content hashes are SHA-256 of that text, so the two
/// must never differ). `CanonicalJSON.string` takes this path for conforming values.
public protocol CanonicalJSONWritable: Encodable {
    func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws
}

/// Builds canonical JSON text in one byte buffer, the way `JSONEncoder` (swift-foundation) formats it:
/// - no whitespace; object keys in UTF-8 byte order (each conformance writes its keys already sorted);
/// - strings: `"` and `\` backslash-escaped, `\b \t \n \f \r` short forms, other controls below U+0020 as
///   `\u00xx` (lower-case hex), everything else (`/`, DEL, U+2028, non-ASCII) copied as UTF-8;
/// - doubles: Swift's shortest round-trip `description` with a trailing `.0` dropped (`120`, `0.1`, `1e-07`,
///   `1e+21`, `-0`); NaN and infinities are refused as `JSONEncoder` refuses them;
/// - nil optionals are left out (synthesised `Codable` uses `encodeIfPresent`).
public struct CanonicalJSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The canonical text of one value.
    public static func text(of value: some CanonicalJSONWritable) throws -> String {
        var writer = CanonicalJSONWriter()
        try value.writeCanonicalJSON(to: &writer)
        return writer.text
    }

    // MARK: structure

    public mutating func beginObject() { bytes.append(UInt8(ascii: "{")) }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { bytes.append(UInt8(ascii: "[")) }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")) }

    /// Writes `"name":`, preceded by a comma unless it is the object's first key. Callers pass keys in sorted order.
    public mutating func key(_ name: StaticString) {
        separate(after: UInt8(ascii: "{"))
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A comma before an array element unless it is the first.
    public mutating func element() { separate(after: UInt8(ascii: "[")) }

    private mutating func separate(after opener: UInt8) {
        if let last = bytes.last, last != opener { bytes.append(UInt8(ascii: ",")) }
    }

    // MARK: scalars

    public mutating func bool(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
        }
    }

    public mutating func int(_ value: Int) {
        guard value >= 0 else {
            if value == .min {
                bytes.append(contentsOf: String(value).utf8)
                return
            }
            bytes.append(UInt8(ascii: "-"))
            int(-value)
            return
        }
        if value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        let start = bytes.count
        var rest = value
        while rest > 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest % 10) &+ 0x30)
            rest /= 10
        }
        bytes[start...].reverse()
    }

    public mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            // Integral and below the exponent threshold: `description` is the digits plus ".0".
            if value == 0 {
                if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
                bytes.append(UInt8(ascii: "0"))
            } else {
                int(Int(value))
            }
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func string(_ value: String) {
        var value = value
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) { return done }
        value.makeContiguousUTF8()
        value.utf8.withContiguousStorageIfAvailable { appendQuoted($0) }
    }

    public mutating func string<Value: RawRepresentable>(raw value: Value) where Value.RawValue == String {
        string(value.rawValue)
    }

    /// Appends already-canonical bytes (digits, `-`) without quoting.
    mutating func ascii(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
            start = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x22: bytes.append(UInt8(ascii: "\""))
            case 0x5C: bytes.append(UInt8(ascii: "\\"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            default:
                // `\u00xx`, lower-case hex; the high nibble is 0 or 1.
                let low = byte & 0xF
                bytes.append(UInt8(ascii: "u"))
                bytes.append(0x30)
                bytes.append(0x30)
                bytes.append(0x30 + (byte >> 4))
                bytes.append(low < 10 ? 0x30 + low : 0x57 + low)
            }
        }
        if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: composites

    public mutating func value(_ value: some CanonicalJSONWritable) throws { try value.writeCanonicalJSON(to: &self) }

    public mutating func array<Element: CanonicalJSONWritable>(_ elements: [Element]) throws {
        beginArray()
        for item in elements {
            element()
            try item.writeCanonicalJSON(to: &self)
        }
        endArray()
    }

    public mutating func strings(_ elements: [String]) {
        beginArray()
        for item in elements {
            element()
            string(item)
        }
        endArray()
    }
}
