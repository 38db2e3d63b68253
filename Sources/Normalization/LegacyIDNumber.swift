import Domain

/// The old 9-digit identity card number (CMND). Its first two digits name the issuing province (police
/// codes, not statistics-office codes); a person who moved province got a new number, so several are normal.
public enum LegacyIDNumber {
    /// Separators (space, `-`, `.`) are removed; 9 digits are valid with `issuer` = the first two.
    /// Other lengths or characters give `Identifier(isValid: false)` with an error finding; empty input no value.
    public static func normalize(_ raw: String) -> Normalized<Identifier> {
        let digits: String
        switch IdentifierDigits.strip(raw) {
        case .empty: return Normalized(nil)
        case .notDigits(let cleaned): return invalid(cleaned, rule: "cmnd.not_digits", message: "contains characters other than digits")
        case .digits(let value): digits = value
        }
        guard digits.utf8.count == 9 else {
            let hint = digits.utf8.count == 12 ? " (12 digits is a personal number)" : ""
            return invalid(digits, rule: "cmnd.length", message: "expected 9 digits, found \(digits.utf8.count)\(hint)")
        }
        guard digits.utf8.contains(where: { $0 != 0x30 }) else {
            return invalid(digits, rule: "cmnd.all_zero", message: "all digits are zero")
        }
        return Normalized(Identifier(type: .legacyID9, value: digits, isValid: true, issuer: String(digits.prefix(2))))
    }

    private static func invalid(_ value: String, rule: String, message: String) -> Normalized<Identifier> {
        Normalized(
            Identifier(type: .legacyID9, value: value, isValid: false),
            findings: [Finding(rule: rule, severity: .error, message: message, field: "cmnd")])
    }
}

/// Input clean-up shared by the numeric identifier normalisers.
enum IdentifierDigits {
    enum Stripped: Equatable {
        /// Nothing but whitespace and separators.
        case empty
        /// Only digits remained.
        case digits(String)
        /// Something other than a digit or separator remained (the text without separators).
        case notDigits(String)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Removes whitespace (incl. no-break space), `-` and `.`.
    static func strip(_ raw: String) -> Stripped {
        if !raw.utf8.isEmpty, raw.utf8.allSatisfy(isDigit) { return .digits(raw) }
        var kept = String.UnicodeScalarView()
        var allDigits = true
        for scalar in raw.unicodeScalars {
            if scalar == "-" || scalar == "." || VietnameseScalars.isWhitespace(scalar) { continue }
            if !(scalar.isASCII && isDigit(UInt8(scalar.value))) { allDigits = false }
            kept.append(scalar)
        }
        if kept.isEmpty { return .empty }
        return allDigits ? .digits(String(kept)) : .notDigits(String(kept))
    }

    /// `7` → `"0007"` for width 4 (non-negative values).
    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
