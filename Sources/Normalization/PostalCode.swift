import Domain

/// A postal code (mã bưu chính): five digits since 2018, six in the older scheme; registers converted from foreign
/// or older systems carry other lengths, so only the characters are checked.
public enum PostalCode {
    /// Spaces, `-` and `.` removed; digits are kept as the code. Anything else gives no value and a warning.
    public static func normalize(_ raw: String) -> Normalized<String> {
        switch IdentifierDigits.strip(raw) {
        case .empty: return Normalized(nil)
        case .digits(let digits): return Normalized(digits)
        case .notDigits:
            return Normalized(
                nil, findings: [Finding(rule: "address.postal_code", severity: .warning, message: "the postal code is not digits; it is left out")])
        }
    }
}
