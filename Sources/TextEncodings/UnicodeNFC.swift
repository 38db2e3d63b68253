import Foundation

/// NFC normalisation with a fast path: text that cannot change under NFC is returned as is.
public enum UnicodeNFC {
    /// Returns `text` in Unicode NFC. Only strings holding a combining mark (or a scalar from a range with
    /// composition exceptions) pay for Foundation's normaliser.
    public static func normalize(_ text: String) -> String {
        for scalar in text.unicodeScalars where scalar.value >= 0x0300 && mayChange(scalar) {
            return text.precomposedStringWithCanonicalMapping
        }
        return text
    }

    /// Conservative: true whenever NFC might rewrite a string containing `scalar`.
    @inline(__always)
    static func mayChange(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x0300...0x036F, 0x0374, 0x037E, 0x0387: return true
        case 0x0900...0x0DFF, 0x0F00...0x0FFF, 0x1000...0x11FF, 0x1B00...0x1B7F: return true
        case 0x1F00...0x1FFF, 0x2000...0x2001, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A: return true
        case 0x3099, 0x309A, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        case 0x1EA0...0x1EF9: return false  // precomposed Vietnamese: the common case, already NFC
        default: return scalar.properties.canonicalCombiningClass != .notReordered
        }
    }
}
