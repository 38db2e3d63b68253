/// Agreement levels of the identifier comparison. The 12-digit personal number is unique per person and
/// never reissued, so equality is near-proof and two different valid numbers are near-disproof. It carries
/// the birth year and sex, so even against a record without one it can be checked for consistency.
/// 9-digit legacy numbers changed when the holder moved province, so their disagreement is weak evidence.
public enum IdentifierLevel: Int, CaseIterable, Sendable {
    case null = 0
    case samePersonalNumber
    /// Two different valid 12-digit numbers.
    case differentPersonalNumbers
    /// Only one side has a 12-digit number, and its birth year and sex agree with the other record's
    /// (where that record states them).
    case personalNumberConsistent
    /// Only one side has a 12-digit number, and its birth year or sex contradicts the other record.
    case personalNumberInconsistent
    /// Neither has a 12-digit number; a 9-digit legacy number is shared.
    case sameLegacyNumber
    /// Neither has a 12-digit number; both have 9-digit numbers, none shared.
    case differentLegacyNumbers

    public var label: String {
        switch self {
        case .null: return "no comparable numbers"
        case .samePersonalNumber: return "same 12-digit number"
        case .differentPersonalNumbers: return "different 12-digit numbers"
        case .personalNumberConsistent: return "12-digit number on one side, consistent with the other's birth year and sex"
        case .personalNumberInconsistent: return "12-digit number on one side, contradicts the other's birth year or sex"
        case .sameLegacyNumber: return "same 9-digit number"
        case .differentLegacyNumbers: return "different 9-digit numbers"
        }
    }

    static func of(_ a: PersonFeatures, _ b: PersonFeatures) -> IdentifierLevel {
        switch (a.personalNumber, b.personalNumber) {
        case (let x?, let y?): return x == y ? .samePersonalNumber : .differentPersonalNumbers
        case (.some, nil): return consistency(holder: a, other: b)
        case (nil, .some): return consistency(holder: b, other: a)
        case (nil, nil):
            if a.legacyNumbers.isEmpty || b.legacyNumbers.isEmpty { return .null }
            return PersonFeatures.overlap(a.legacyNumbers, b.legacyNumbers) ? .sameLegacyNumber : .differentLegacyNumbers
        }
    }

    private static func consistency(holder: PersonFeatures, other: PersonFeatures) -> IdentifierLevel {
        guard let decoded = holder.personalNumberDecoded else { return .personalNumberConsistent }
        if let year = other.birthDate?.year, year != decoded.birthYear { return .personalNumberInconsistent }
        if let sex = other.sex, sex != decoded.sex { return .personalNumberInconsistent }
        return .personalNumberConsistent
    }
}
