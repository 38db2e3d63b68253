import TextEncodings

/// Turns a byte range found by a scanner into NFC text in the file's encoding.
struct FieldText {
    /// The encoding of the scanned bytes (UTF-16 input has already been transcoded to UTF-8).
    let encoding: TextEncoding
    private let isUTF8: Bool

    init(encoding: TextEncoding) {
        self.encoding = encoding
        self.isUTF8 = encoding == .utf8 || encoding == .utf16
    }

    /// Decodes `bytes`. `highBits` is the OR of all bytes (0 ⇒ pure ASCII without controls for TCVN3 worries).
    /// Throws `TextDecodingError` with an offset relative to `bytes`.
    @inline(__always)
    func string(_ bytes: UnsafeBufferPointer<UInt8>, highBits: UInt8) throws -> String {
        if highBits < 0x80 && encoding != .tcvn3 {
            return String(decoding: bytes, as: UTF8.self)
        }
        if isUTF8 {
            let check = UTF8Validation.validate(bytes)
            if let bad = check.invalidOffset {
                throw TextDecodingError(encoding: .utf8, byteOffset: bad, reason: "invalid UTF-8 sequence")
            }
            return UnicodeNFC.normalize(String(decoding: bytes, as: UTF8.self))
        }
        return try VietnameseCodec.decodeBuffer(bytes, as: encoding)
    }
}
