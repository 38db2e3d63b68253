import Foundation

/// The one canonical JSON form of stored and published values: keys sorted, slashes unescaped, no whitespace, so
/// equal values give byte-equal text (content hashes, change detection, feed payloads).
public enum CanonicalJSON {
    public static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
