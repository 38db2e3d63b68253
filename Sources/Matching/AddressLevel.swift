/// Agreement levels of the address comparison, on 2025 administrative codes after the crosswalk, so an
/// address written before the reform compares with one written after it. A split commune leaves several
/// candidate codes; any shared candidate counts as the same commune.
public enum AddressLevel: Int, CaseIterable, Sendable {
    case null = 0
    case sameCommune
    case sameProvince
    case different

    public var label: String {
        switch self {
        case .null: return "address missing"
        case .sameCommune: return "same current commune"
        case .sameProvince: return "same current province"
        case .different: return "different places"
        }
    }

    static func of(_ a: PersonFeatures, _ b: PersonFeatures) -> AddressLevel {
        if PersonFeatures.overlap(a.communeCodes, b.communeCodes) { return .sameCommune }
        if a.provinceCodes.isEmpty || b.provinceCodes.isEmpty {
            // Communes without provinces on either side: comparable only at commune level.
            let comparable = !a.communeCodes.isEmpty && !b.communeCodes.isEmpty
            return comparable ? .different : .null
        }
        return PersonFeatures.overlap(a.provinceCodes, b.provinceCodes) ? .sameProvince : .different
    }
}
