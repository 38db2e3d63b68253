import Foundation

/// The one canonical JSON form of stored and published values: keys sorted, slashes unescaped, no whitespace, so
/// equal values give byte-equal text (content hashes, change detection, feed payloads).
public enum CanonicalJSON {
    /// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`; values that write their own canonical JSON
    /// (`CanonicalJSONWritable`: mentions, golden records and what they contain) take the hand-written writer,
    /// which gives the same bytes.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        if let writable = value as? any CanonicalJSONWritable { return try CanonicalJSONWriter.text(of: writable) }
        return try encoderString(value)
    }

    /// Always through `JSONEncoder`: the reference the hand-written writer must match byte for byte.
    public static func encoderString<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Reads a value from JSON text (any key order and whitespace) with its hand-written reader.
    public static func read<T: CanonicalJSONReadable>(_ type: T.Type, from text: String) throws -> T {
        try CanonicalJSONReader.read(text) { try T(canonicalJSON: &$0) }
    }
}
