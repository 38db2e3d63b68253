import Domain

/// The enterprise code (mã số doanh nghiệp), which is also the tax code: 2-digit tax-authority province
/// prefix · 7-digit sequence · check digit; branches add a 3-digit suffix (`0100112437-001`).
public enum EnterpriseCode {
    static let weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]

    /// The check digit for 9 base digits: `10 − (Σ wᵢ·dᵢ mod 11)`, 0 when the remainder is 10.
    /// Nil when the remainder is 0 (no digit can be valid) or `base` is not 9 digits.
    public static func checkDigit(base: String) -> Int? {
        let bytes = Array(base.utf8)
        guard bytes.count == 9, bytes.allSatisfy(IdentifierDigits.isDigit) else { return nil }
        var sum = 0
        for (weight, byte) in zip(weights, bytes) { sum += weight * Int(byte - 0x30) }
        let remainder = sum % 11
        return remainder == 0 ? nil : 10 - remainder
    }

    /// A 10-digit code for `provincePrefix` (2 digits) and `sequence` (1 … 9,999,999) with its check digit;
    /// nil for bad parts or when that base has no valid check digit (about one base in eleven).
    public static func make(provincePrefix: String, sequence: Int) -> String? {
        guard provincePrefix.utf8.count == 2, provincePrefix.utf8.allSatisfy(IdentifierDigits.isDigit),
            (1...9_999_999).contains(sequence)
        else { return nil }
        let base = provincePrefix + IdentifierDigits.padded(sequence, width: 7)
        guard let check = checkDigit(base: base) else { return nil }
        return base + String(check)
    }

    /// Accepts spaces, `-` and `.` as separators. 10 digits, or 13 for a branch (`NNNNNNNNNN-NNN`, suffix
    /// `001`–`999`). The canonical value is digits only. A wrong check digit, a zero sequence, a `000` suffix
    /// or another length gives `Identifier(isValid: false)` with an error finding; empty input no value.
    public static func normalize(_ raw: String) -> Normalized<Identifier> {
        let digits: String
        switch IdentifierDigits.strip(raw) {
        case .empty: return Normalized(nil)
        case .notDigits(let cleaned):
            return invalid(cleaned, rule: "enterprise_code.not_digits", message: "contains characters other than digits")
        case .digits(let value): digits = value
        }
        let bytes = Array(digits.utf8)
        guard bytes.count == 10 || bytes.count == 13 else {
            return invalid(digits, rule: "enterprise_code.length", message: "expected 10 or 13 digits, found \(bytes.count)")
        }
        if bytes[2..<9].allSatisfy({ $0 == 0x30 }) {
            return invalid(digits, rule: "enterprise_code.zero_sequence", message: "sequence digits 3–9 are all zero")
        }
        let base = String(decoding: bytes[0..<9], as: UTF8.self)
        guard let expected = checkDigit(base: base), Int(bytes[9] - 0x30) == expected else {
            return invalid(digits, rule: "enterprise_code.check_digit", message: "check digit does not match")
        }
        if bytes.count == 13, bytes[10..<13].allSatisfy({ $0 == 0x30 }) {
            return invalid(digits, rule: "enterprise_code.branch_suffix", message: "branch suffix 000 is not allowed")
        }
        return Normalized(Identifier(type: .enterpriseCode, value: digits, isValid: true))
    }

    private static func invalid(_ value: String, rule: String, message: String) -> Normalized<Identifier> {
        Normalized(
            Identifier(type: .enterpriseCode, value: value, isValid: false),
            findings: [Finding(rule: rule, severity: .error, message: message, field: "enterprise_code")])
    }
}
