/// A text encoding LienThong can read: Unicode plus the three legacy Vietnamese 8-bit encodings still found in
/// registry exports.
public enum TextEncoding: String, CaseIterable, Sendable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-16 with a byte-order mark (little- or big-endian); without a BOM, little-endian is assumed.
    case utf16 = "utf-16"
    /// Microsoft code page 1258: base letters plus combining tone marks.
    case windows1258 = "windows-1258"
    /// TCVN 5712:1993 (the "ABC" / VN3 font encoding), one byte per letter, some capitals at C0 positions.
    case tcvn3
    /// VNI-Windows: a base letter followed by a modifier byte that looks like Latin-1.
    case vni

    /// True for the 8-bit encodings whose structural ASCII bytes (`,` `"` `{` `<` newline…) mean what they mean in
    /// ASCII, so a byte scanner can find structure before decoding text.
    public var isASCIICompatible: Bool { self != .utf16 }
}

/// Bytes that cannot be decoded in the given encoding.
public struct TextDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The encoding that was being decoded.
    public var encoding: TextEncoding
    /// 0-based offset of the offending byte within the decoded bytes.
    public var byteOffset: Int
    /// What is wrong, e.g. "invalid UTF-8 sequence".
    public var reason: String

    public init(encoding: TextEncoding, byteOffset: Int, reason: String) {
        self.encoding = encoding
        self.byteOffset = byteOffset
        self.reason = reason
    }

    public var description: String { "\(encoding.rawValue): \(reason) at byte \(byteOffset)" }
}
