/// Agreement levels of the postal-code comparison. A postal code names a delivery area, about a commune in
/// Vietnam (five digits since 2018): evidence of place that needs no administrative reference data, and what
/// registries outside it (converted or foreign ones) carry instead of commune codes.
public enum PostalCodeLevel: Int, CaseIterable, Sendable {
    case null = 0
    /// A postal code is the same on both sides.
    case same
    /// No code shared, but two differ by one digit or by two neighbouring digits swapped (a typing slip).
    case oneTypoApart
    case different

    public var label: String {
        switch self {
        case .null: return "postal code missing"
        case .same: return "same postal code"
        case .oneTypoApart: return "postal codes one typo apart"
        case .different: return "different postal codes"
        }
    }

    static func of(_ a: PersonFeatures, _ b: PersonFeatures) -> PostalCodeLevel {
        if a.postalCodes.isEmpty || b.postalCodes.isEmpty { return .null }
        if PersonFeatures.overlap(a.postalCodes, b.postalCodes) { return .same }
        for x in a.postalCodes {
            for y in b.postalCodes where OneTypo.apart(x, y) { return .oneTypoApart }
        }
        return .different
    }
}
