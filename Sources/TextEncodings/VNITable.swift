/// VNI-Windows: each Vietnamese letter is a base byte plus, when needed, one modifier byte.
///
/// Source: the VNI-Windows font layout (as in lamdao/xvnkb `vni.h`); "Xin chào các bạn" is
/// "Xin chaøo caùc baïn". Upper case letters use the upper-case form of every byte (ø → Ø, ô → Ô).
enum VNITable {
    /// Modifiers after a plain vowel, in the order grave, acute, hook, tilde, dot below.
    private static let plainTones: [UInt8] = [0xF8, 0xF9, 0xFB, 0xF5, 0xEF]
    /// Modifiers after `a` for ầ ấ ẩ ẫ ậ (and after e/o for ê/ô with tones).
    private static let circumflexTones: [UInt8] = [0xE0, 0xE1, 0xE5, 0xE3, 0xE4]
    /// Modifiers after `a` for ằ ắ ẳ ẵ ặ.
    private static let breveTones: [UInt8] = [0xE8, 0xE9, 0xFA, 0xFC, 0xEB]
    /// Tone marks in the same order as the modifier lists.
    private static let toneMarks: [Unicode.Scalar] = ["\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]

    /// Lower-case letter (NFC) → VNI bytes.
    static let lowercase: [(String, [UInt8])] = {
        var rows: [(String, [UInt8])] = [("đ", [0xF1])]
        func add(_ base: String, _ plain: [UInt8], _ tones: [[UInt8]]) {
            rows.append((base, plain))
            for (k, mark) in toneMarks.enumerated() {
                rows.append((UnicodeNFC.normalize(base + String(mark)), tones[k]))
            }
        }
        let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), y = UInt8(ascii: "y")
        add("a", [a], plainTones.map { [a, $0] })
        add("ă", [a, 0xEA], breveTones.map { [a, $0] })
        add("â", [a, 0xE2], circumflexTones.map { [a, $0] })
        add("e", [e], plainTones.map { [e, $0] })
        add("ê", [e, 0xE2], circumflexTones.map { [e, $0] })
        add("i", [UInt8(ascii: "i")], [[0xEC], [0xED], [0xE6], [0xF3], [0xF2]])
        add("o", [o], plainTones.map { [o, $0] })
        add("ô", [o, 0xE2], circumflexTones.map { [o, $0] })
        add("ơ", [0xF4], plainTones.map { [0xF4, $0] })
        add("u", [u], plainTones.map { [u, $0] })
        add("ư", [0xF6], plainTones.map { [0xF6, $0] })
        add("y", [y], [[y, 0xF8], [y, 0xF9], [y, 0xFB], [y, 0xF5], [0xEE]])
        return rows
    }()

    /// The upper-case form of a VNI byte (Latin-1 case pairs).
    static func upper(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x61...0x7A, 0xE0...0xF6, 0xF8...0xFE: return byte - 0x20
        default: return byte
        }
    }

    /// Letter (NFC, both cases) → bytes.
    static let encode: [String: [UInt8]] = {
        var map: [String: [UInt8]] = [:]
        for (letter, bytes) in lowercase {
            map[letter] = bytes
            map[letter.uppercased()] = bytes.map(upper)
        }
        return map
    }()

    /// Two-byte sequences → letter, keyed by `first << 8 | second`.
    static let pairs: [UInt16: Unicode.Scalar] = {
        var map: [UInt16: Unicode.Scalar] = [:]
        for (letter, bytes) in encode where bytes.count == 2 {
            if let scalar = letter.unicodeScalars.first { map[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] = scalar }
        }
        return map
    }()

    /// Single bytes with a Vietnamese meaning in VNI (ơ ư đ ì í ỉ ĩ ị ỵ and capitals).
    static let singles: [UInt8: Unicode.Scalar] = {
        var map: [UInt8: Unicode.Scalar] = [:]
        for (letter, bytes) in encode where bytes.count == 1 && bytes[0] >= 0x80 {
            if let scalar = letter.unicodeScalars.first { map[bytes[0]] = scalar }
        }
        return map
    }()
}
