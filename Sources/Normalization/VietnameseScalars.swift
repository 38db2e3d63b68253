import Domain

/// Scalar-level helpers for Vietnamese text that avoid Unicode property look-ups and Foundation on the
/// common path (ASCII and precomposed Vietnamese letters) and fall back to them for anything else.
enum VietnameseScalars {
    /// The Unicode White_Space property, without the property look-up.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Letters and combining marks: the scalars a word is made of.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80, 0xD7, 0xF7: return false
        case 0xC0...0x24F, 0x1EA0...0x1EF9, 0x0300...0x036F: return true
        default:
            return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
        }
    }

    /// Exactly `TextFolding.fold(text)` (which computes Vietnamese keys from a table, without Foundation).
    @inline(__always)
    static func fold(_ text: String) -> String {
        TextFolding.fold(text)
    }

    /// Lower case with the first letter (and the first letter after a hyphen) in upper case:
    /// "NGUYỄN" → "Nguyễn", "đức" → "Đức", "nguyễn-phạm" → "Nguyễn-Phạm".
    static func titleCased(_ token: Substring) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(token.utf8.count)
        var capitalizeNext = true
        for scalar in token.unicodeScalars {
            var isLetter = true
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A:
                let lower = UInt8(scalar.value) | 0x20
                output.append(capitalizeNext ? lower & ~0x20 : lower)
            case 0x0110, 0x0111:
                VietnameseOrthography.appendUTF8(capitalizeNext ? "Đ" : "đ", to: &output)
            default:
                if let parts = VietnameseVowels.parts(of: scalar) {
                    VietnameseOrthography.appendUTF8(VietnameseVowels.scalar(parts, upper: capitalizeNext), to: &output)
                } else if scalar.properties.isAlphabetic {
                    let cased = capitalizeNext ? scalar.properties.titlecaseMapping : scalar.properties.lowercaseMapping
                    output.append(contentsOf: cased.utf8)
                } else {
                    isLetter = false
                    VietnameseOrthography.appendUTF8(scalar, to: &output)
                }
            }
            if isLetter {
                capitalizeNext = false
            } else if scalar == "-" {
                capitalizeNext = true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
