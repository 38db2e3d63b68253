/// Agreement levels of the street comparison: house number and street, folded, from any address of either side.
/// It complements the address comparison (2025 commune and province after the crosswalk), which cannot tell two
/// houses of one commune apart, and it is all there is for addresses outside the administrative reference.
/// Members of one household share a house, so EM, not this comparison, says how much a shared house is worth.
public enum StreetLevel: Int, CaseIterable, Sendable {
    case null = 0
    /// Same house number (both given) on the same street.
    case sameHouse
    /// Same house number, streets nearly equal (Jaro–Winkler ≥ 0.90: a typo, an abbreviation).
    case sameHouseSimilarStreet
    /// The same street; house numbers differ or one is missing.
    case sameStreet
    /// Streets nearly equal; house numbers differ or one is missing.
    case similarStreet
    case different

    public var label: String {
        switch self {
        case .null: return "street missing"
        case .sameHouse: return "same house number and street"
        case .sameHouseSimilarStreet: return "same house number, street similar (JW ≥ 0.90)"
        case .sameStreet: return "same street, another or no house number"
        case .similarStreet: return "street similar (JW ≥ 0.90), another or no house number"
        case .different: return "different streets"
        }
    }

    static let similarStreetThreshold = 0.90

    /// The best level over every pair of addresses.
    static func of(_ a: PersonFeatures, _ b: PersonFeatures) -> StreetLevel {
        if a.streets.isEmpty || b.streets.isEmpty { return .null }
        var best = StreetLevel.different
        for x in a.streets {
            for y in b.streets {
                let sameHouse = !x.house.isEmpty && x.house == y.house
                if x.street == y.street {
                    if sameHouse { return .sameHouse }
                    best = min(best, .sameStreet)
                } else if best.rawValue > StreetLevel.sameHouseSimilarStreet.rawValue,
                    JaroWinkler.similarity(x.street, y.street, atLeast: similarStreetThreshold)
                {
                    best = min(best, sameHouse ? .sameHouseSimilarStreet : .similarStreet)
                }
            }
        }
        return best
    }
}

extension StreetLevel: Comparable {
    /// Lower levels are the stronger agreements.
    public static func < (a: StreetLevel, b: StreetLevel) -> Bool { a.rawValue < b.rawValue }
}
