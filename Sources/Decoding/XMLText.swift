import TextEncodings

/// Turns the UTF-8 bytes libxml2 hands out (always valid UTF-8, whatever the document's encoding) into NFC
/// `String`s, with byte-level fast paths for ASCII and precomposed Vietnamese.
enum XMLText {
    /// NFC text of `bytes`.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return isSurelyNFC(bytes) ? text : UnicodeNFC.normalize(text)
    }

    /// NFC text of `bytes` without leading and trailing white space (Unicode `White_Space`, as
    /// `Unicode.Scalar.Properties.isWhitespace`). ASCII white space is trimmed on bytes; the rare non-ASCII
    /// edge falls back to scalar properties.
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0, end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        if start == end { return "" }
        let core = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if core[0] < 0x80 && core[core.count - 1] < 0x80 { return string(core) }
        return string(core).trimmingUnicodeWhitespace()
    }

    /// True for the bytes of U+0009…U+000D and U+0020.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// True when every scalar is below U+0300 or a precomposed Vietnamese letter (U+1EA0…U+1EF9): such text is
    /// already NFC. Anything else is left to `UnicodeNFC`.
    @inline(__always)
    static func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        let n = bytes.count
        if let base = UnsafeRawPointer(bytes.baseAddress) {  // ASCII runs eight bytes at a time
            while k + 8 <= n, base.loadUnaligned(fromByteOffset: k, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { k += 8 }
        }
        while k < n {
            let byte = bytes[k]
            if byte < 0xCC { k += 1; continue }  // ASCII, continuation bytes, leads of U+0080…U+02FF
            guard byte == 0xE1, k + 2 < n else { return false }
            let second = bytes[k + 1], third = bytes[k + 2]
            // E1 BA A0 = U+1EA0 … E1 BB B9 = U+1EF9
            guard (second == 0xBA && third >= 0xA0) || (second == 0xBB && third <= 0xB9) else { return false }
            k += 3
        }
        return true
    }
}

extension String {
    /// The string without leading and trailing Unicode white space.
    func trimmingUnicodeWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
