import Domain
import Reference

/// The 12-digit personal identification number (số định danh cá nhân, on the CCCD / căn cước card):
/// `PPP` birth-registration province (pre-2025 code, 3 digits) · `C` century and sex · `YY` birth year ·
/// `NNNNNN` serial. It has no check digit, so typos show only as disagreement with the record's birth
/// date, sex or province.
public enum PersonalNumber {
    /// The parts of a structurally valid number.
    public struct Decoded: Hashable, Sendable {
        /// Birth-registration code: `0` + pre-2025 province code (`001` … `096`), or a country code.
        public var provinceCode: String
        public var sex: Sex
        public var birthYear: Int
        public var serial: String

        public init(provinceCode: String, sex: Sex, birthYear: Int, serial: String) {
            self.provinceCode = provinceCode
            self.sex = sex
            self.birthYear = birthYear
            self.serial = serial
        }
    }

    /// Century/sex digits 0–9 cover births 1900–2399; even is male, odd female.
    static let firstCentury = 1900

    /// Reads the structure of exactly 12 ASCII digits (no separators); nil otherwise.
    public static func decode(_ digits: String) -> Decoded? {
        let bytes = Array(digits.utf8)
        guard bytes.count == 12, bytes.allSatisfy(IdentifierDigits.isDigit) else { return nil }
        let centuryDigit = Int(bytes[3] - 0x30)
        let yearInCentury = Int(bytes[4] - 0x30) * 10 + Int(bytes[5] - 0x30)
        return Decoded(
            provinceCode: String(decoding: bytes[0..<3], as: UTF8.self),
            sex: centuryDigit % 2 == 0 ? .male : .female,
            birthYear: firstCentury + (centuryDigit / 2) * 100 + yearInCentury,
            serial: String(decoding: bytes[6..<12], as: UTF8.self))
    }

    /// Builds a number from its parts; nil when `provinceCode` is not 3 digits, the year is outside
    /// 1900–2399 or the serial outside 0–999,999.
    public static func compose(provinceCode: String, sex: Sex, birthYear: Int, serial: Int) -> String? {
        guard provinceCode.utf8.count == 3, provinceCode.utf8.allSatisfy(IdentifierDigits.isDigit),
            (firstCentury...2399).contains(birthYear), (0...999_999).contains(serial)
        else { return nil }
        let offset = birthYear - firstCentury
        let centuryDigit = (offset / 100) * 2 + (sex == .female ? 1 : 0)
        return provinceCode + String(centuryDigit) + IdentifierDigits.padded(offset % 100, width: 2)
            + IdentifierDigits.padded(serial, width: 6)
    }

    /// Normalises a personal number as a registry wrote it: separators (space, `-`, `.`) are removed, the
    /// rest must be 12 digits. With `reference`, the prefix is checked against the historical birth-registration
    /// list. Disagreement with `birthDate` or `sex` is reported as a warning, never corrected.
    /// Structural failures give `Identifier(isValid: false)` with an error finding; empty input gives no value.
    public static func normalize(
        _ raw: String, birthDate: PartialDate? = nil, sex: Sex? = nil, reference: ReferenceData? = nil
    ) -> Normalized<Identifier> {
        let field = "personal_number"
        let digits: String
        switch IdentifierDigits.strip(raw) {
        case .empty: return Normalized(nil)
        case .notDigits(let cleaned):
            return invalid(cleaned, rule: "personal_number.not_digits", message: "contains characters other than digits")
        case .digits(let value): digits = value
        }
        guard digits.utf8.count == 12, let decoded = decode(digits) else {
            return invalid(digits, rule: "personal_number.length", message: "expected 12 digits, found \(digits.utf8.count)")
        }
        var findings: [Finding] = []
        if decoded.birthYear > 2099 {
            return invalid(
                digits, rule: "personal_number.century",
                message: "century digit gives birth year \(decoded.birthYear), after 2099")
        }
        if let reference, reference.birthRegistrationProvince(code: decoded.provinceCode) == nil {
            findings.append(
                Finding(
                    rule: "personal_number.unknown_province", severity: .warning,
                    message: "prefix \(decoded.provinceCode) is not a pre-2025 province code (a country code?)", field: field))
        }
        if let birthDate, birthDate.year != decoded.birthYear {
            findings.append(
                Finding(
                    rule: "personal_number.birth_year_mismatch", severity: .warning,
                    message: "number encodes birth year \(decoded.birthYear), record says \(birthDate.year)", field: field))
        }
        if let sex, sex != decoded.sex {
            findings.append(
                Finding(
                    rule: "personal_number.sex_mismatch", severity: .warning,
                    message: "number encodes sex \(decoded.sex.rawValue), record says \(sex.rawValue)", field: field))
        }
        let identifier = Identifier(type: .personalNumber, value: digits, isValid: true, issuer: decoded.provinceCode)
        return Normalized(identifier, findings: findings)
    }

    private static func invalid(_ value: String, rule: String, message: String) -> Normalized<Identifier> {
        Normalized(
            Identifier(type: .personalNumber, value: value, isValid: false),
            findings: [Finding(rule: rule, severity: .error, message: message, field: "personal_number")])
    }
}
