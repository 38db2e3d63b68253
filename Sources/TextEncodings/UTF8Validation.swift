/// A strict UTF-8 validator (no overlong forms, no surrogates, nothing above U+10FFFF).
public enum UTF8Validation {
    /// The result of validating a byte range.
    public struct Result: Sendable, Equatable {
        /// Offset of the first invalid byte, or nil when the bytes are valid.
        public var invalidOffset: Int?
        /// True when any byte is ≥ 0x80 (a multi-byte sequence was seen).
        public var hasMultibyte: Bool
    }

    /// Validates `bytes`. With `allowTruncatedEnd`, an incomplete sequence at the very end is accepted
    /// (used on samples cut out of a larger file).
    public static func validate(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> Result {
        var i = 0
        let n = bytes.count
        var multibyte = false
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            multibyte = true
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return Result(invalidOffset: i, hasMultibyte: true)
            }
            for k in 1..<length {
                if i + k >= n {
                    return Result(invalidOffset: allowTruncatedEnd ? nil : i, hasMultibyte: true)
                }
                let b = bytes[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if b < lo || b > hi { return Result(invalidOffset: i, hasMultibyte: true) }
            }
            i += length
        }
        return Result(invalidOffset: nil, hasMultibyte: multibyte)
    }
}
