import Domain

/// The social insurance number (mã số bảo hiểm xã hội). Current books and cards carry 10 digits, but registers
/// converted from older schemes, and foreign registers, carry other lengths, so only the characters are checked:
/// a number that is digits after removing separators is valid, and its length is not judged.
public enum SocialInsuranceNumber {
    /// Separators (space, `-`, `.`) are removed; digits are valid. Anything else gives `Identifier(isValid: false)`
    /// with an error finding; empty input no value.
    public static func normalize(_ raw: String) -> Normalized<Identifier> {
        switch IdentifierDigits.strip(raw) {
        case .empty:
            return Normalized(nil)
        case .notDigits(let cleaned):
            return Normalized(
                Identifier(type: .socialInsurance, value: cleaned, isValid: false),
                findings: [
                    Finding(rule: "social_insurance.not_digits", severity: .error, message: "contains characters other than digits", field: "social_insurance")
                ])
        case .digits(let value):
            guard value.utf8.contains(where: { $0 != 0x30 }) else {
                return Normalized(
                    Identifier(type: .socialInsurance, value: value, isValid: false),
                    findings: [Finding(rule: "social_insurance.all_zero", severity: .error, message: "all digits are zero", field: "social_insurance")])
            }
            return Normalized(Identifier(type: .socialInsurance, value: value))
        }
    }
}
