/// The 12 Vietnamese vowel letters (a ă â e ê i o ô ơ u ư y) in both cases, each in its six tone forms,
/// as precomposed (NFC) scalars, in flat tables: moving a tone mark, changing case and folding a vowel
/// cost an array read, not a Unicode normalisation.
enum VietnameseVowels {
    /// The tones in the order the rows of `rows` list them.
    enum Tone: UInt8 {
        case level = 0, grave, acute, hook, tilde, dotBelow
    }

    /// A precomposed vowel: which letter (`row`) and which tone.
    struct Parts: Equatable {
        /// 0…11 lower case a ă â e ê i o ô ơ u ư y; 12…23 the same in upper case.
        var row: UInt8
        var tone: Tone

        /// The letter regardless of case: 0 a, 1 ă, 2 â, 3 e, 4 ê, 5 i, 6 o, 7 ô, 8 ơ, 9 u, 10 ư, 11 y.
        var letter: UInt8 { row % 12 }
        var isUpper: Bool { row >= 12 }
        /// ă â ê ô ơ ư: the vowels whose quality mark attracts the tone.
        var hasQualityMark: Bool {
            switch letter {
            case 1, 2, 4, 7, 8, 10: return true
            default: return false
            }
        }
        /// The lower-case ASCII letter the vowel folds to (`Ấ` → `a`).
        var asciiLower: UInt8 { Self.asciiBases[Int(letter)] }

        private static let asciiBases: [UInt8] = Array("aaaeeiooouuy".utf8)
    }

    static let letterU: UInt8 = 9
    static let letterI: UInt8 = 5

    /// Each row: level, grave, acute, hook, tilde, dot below.
    private static let rows: [String] = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
        "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
        "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
    ]

    /// Scalars below U+0250 (Latin-1, Latin Extended-A/B) and U+1EA0…U+1EF9 (Latin Extended Additional).
    private static let lowRange: UInt32 = 0x250
    private static let highRange: ClosedRange<UInt32> = 0x1EA0...0x1EF9

    private struct Tables {
        var low: [Parts?] = Array(repeating: nil, count: 0x250)
        var high: [Parts?] = Array(repeating: nil, count: 0x1EF9 - 0x1EA0 + 1)
        /// `row * 6 + tone` → scalar.
        var composed: [Unicode.Scalar] = []
    }

    private static let tables: Tables = {
        var tables = Tables()
        for (rowIndex, row) in rows.enumerated() {
            let scalars = Array(row.unicodeScalars)
            for toneIndex in 0..<6 {
                let scalar = toneIndex < scalars.count ? scalars[toneIndex] : "?"
                tables.composed.append(scalar)
                guard let tone = Tone(rawValue: UInt8(toneIndex)) else { continue }
                let parts = Parts(row: UInt8(rowIndex), tone: tone)
                if scalar.value < lowRange {
                    tables.low[Int(scalar.value)] = parts
                } else if highRange.contains(scalar.value) {
                    tables.high[Int(scalar.value - highRange.lowerBound)] = parts
                }
            }
        }
        return tables
    }()

    /// The parts of a precomposed Vietnamese vowel, or nil for any other scalar.
    @inline(__always)
    static func parts(of scalar: Unicode.Scalar) -> Parts? {
        let value = scalar.value
        if value < lowRange { return tables.low[Int(value)] }
        if highRange.contains(value) { return tables.high[Int(value - highRange.lowerBound)] }
        return nil
    }

    /// The precomposed scalar for a row (letter and case) and a tone.
    static func scalar(row: UInt8, tone: Tone) -> Unicode.Scalar {
        tables.composed[Int(row) * 6 + Int(tone.rawValue)]
    }

    /// The same vowel in upper or lower case (`ấ` ↔ `Ấ`).
    static func scalar(_ parts: Parts, upper: Bool) -> Unicode.Scalar {
        scalar(row: parts.letter + (upper ? 12 : 0), tone: parts.tone)
    }
}
