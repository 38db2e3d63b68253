import Foundation

/// Accent-free, lower-case keys for Vietnamese text: the key used for blocking, search and
/// place-name lookup. `đ`/`Đ` have no Unicode decomposition, so they are mapped to `d` explicitly.
///
/// The definition is `foldThroughFoundation` (canonical decomposition, combining marks U+0300–U+036F dropped,
/// apostrophes straightened, lower case, whitespace collapsed). `fold` computes the same keys from a table
/// for text made only of the Latin, Latin Extended Additional (Vietnamese) and General Punctuation blocks, and
/// calls the definition for anything else.
public enum TextFolding {
    /// "Nguyễn  Đức Thắng" → "nguyen duc thang"; "Ea H’leo" → "ea h'leo". Whitespace is collapsed.
    public static func fold(_ text: String) -> String {
        if isFolded(text) { return text }
        var complete = true
        let folded = String(unsafeUninitializedCapacity: 2 * text.utf8.count + 4) { buffer in
            guard let count = FoldTable.fold(text, into: buffer) else {
                complete = false
                return 0
            }
            return count
        }
        return complete ? folded : foldThroughFoundation(text)
    }

    /// The definition of the key: what `fold` returns for any text.
    static func foldThroughFoundation(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining diacritical marks
            case 0x0110, 0x0111: append("d", to: &scalars, pendingSpace: &pendingSpace)
            case 0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4: append("'", to: &scalars, pendingSpace: &pendingSpace)
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = !scalars.isEmpty
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        append(lower, to: &scalars, pendingSpace: &pendingSpace)
                    }
                }
            }
        }
        return String(scalars)
    }

    private static func append(_ scalar: Unicode.Scalar, to scalars: inout String.UnicodeScalarView, pendingSpace: inout Bool) {
        if pendingSpace {
            scalars.append(" ")
            pendingSpace = false
        }
        scalars.append(scalar)
    }

    /// The Unicode `White_Space` property (the white space `fold` collapses), without the property look-up.
    @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// True when `text` is its own key: printable ASCII without upper case or backtick, single spaces
    /// between words, none at the ends. Keys passed back in (reference queries) cost one scan.
    static func isFolded(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0x41...0x5A, 0x60: return false
            case 0x21...0x7E: previousSpace = false
            default: return false
            }
        }
        return !previousSpace || text.utf8.isEmpty
    }
}

/// Per-scalar keys of the blocks `TextFolding.fold` handles without Foundation, each computed once by the
/// definition itself (`foldThroughFoundation` of the scalar alone), so both paths agree by construction.
///
/// Folding scalar by scalar equals folding the whole text because the decomposition of a text is the
/// decomposition of its scalars followed by a reordering of combining marks, and every combining mark these
/// entries can produce lies in U+0300–U+036F, which the key drops; scalars for which that does not hold
/// (and those outside the blocks) send the whole text to the definition.
enum FoldTable {
    /// Entry bits 0–23: up to three UTF-8 bytes of the key; bits 24–25: their count; bit 28: white space;
    /// bit 29: not handled here.
    private static let whitespace: UInt32 = 1 << 28
    private static let unhandled: UInt32 = 1 << 29

    /// Blocks covered, in table order: U+0000–U+036F, U+1E00–U+1EFF, U+2000–U+206F.
    private static let entries: [UInt32] = {
        var entries: [UInt32] = []
        entries.reserveCapacity(0x370 + 0x100 + 0x70)
        for range in [0x0000..<0x0370, 0x1E00..<0x1F00, 0x2000..<0x2070] as [Range<UInt32>] {
            for value in range { entries.append(Unicode.Scalar(value).map(entry) ?? unhandled) }
        }
        return entries
    }()

    private static func entry(_ scalar: Unicode.Scalar) -> UInt32 {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        if decomposed.allSatisfy(\.properties.isWhitespace) { return whitespace }
        for part in decomposed {
            if part.properties.isWhitespace { return unhandled }
            if part.properties.canonicalCombiningClass != .notReordered, !(0x0300...0x036F).contains(part.value) {
                return unhandled
            }
        }
        let key = Array(TextFolding.foldThroughFoundation(String(scalar)).utf8)
        guard key.count <= 3 else { return unhandled }
        var packed = UInt32(key.count) << 24
        for (index, byte) in key.enumerated() { packed |= UInt32(byte) << (8 * UInt32(index)) }
        return packed
    }

    @inline(__always)
    private static func index(_ value: UInt32) -> Int? {
        if value < 0x0370 { return Int(value) }
        if value >= 0x1E00, value < 0x1F00 { return Int(value - 0x1E00) + 0x370 }
        if value >= 0x2000, value < 0x2070 { return Int(value - 0x2000) + 0x470 }
        return nil
    }

    /// Writes the key of `text` into `buffer` (at least twice the text's UTF-8 size) and returns its length;
    /// nil when a scalar is not handled here.
    static func fold(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let packed: UInt32
            if value < 0x80 {
                switch value {
                case 0x09...0x0D, 0x20:
                    pendingSpace = count > 0
                    continue
                case 0x41...0x5A: packed = 1 << 24 | (value | 0x20)
                case 0x60: packed = 1 << 24 | 0x27
                default: packed = 1 << 24 | value
                }
            } else {
                guard let position = index(value) else { return nil }
                packed = entries[position]
                if packed & unhandled != 0 { return nil }
                if packed & whitespace != 0 {
                    pendingSpace = count > 0
                    continue
                }
            }
            let length = Int(packed >> 24 & 0x3)
            guard length > 0 else { continue }
            guard count + length + 1 <= buffer.count else { return nil }
            if pendingSpace {
                buffer[count] = 0x20
                count += 1
                pendingSpace = false
            }
            for shift in 0..<length { buffer[count + shift] = UInt8(truncatingIfNeeded: packed >> (8 * UInt32(shift))) }
            count += length
        }
        return count
    }
}
