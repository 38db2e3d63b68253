/// Agreement levels of the sex comparison.
public enum SexLevel: Int, CaseIterable, Sendable {
    case null = 0
    case same
    case different

    public var label: String {
        switch self {
        case .null: return "sex missing"
        case .same: return "same sex"
        case .different: return "different sex"
        }
    }

    static func of(_ a: PersonFeatures, _ b: PersonFeatures) -> SexLevel {
        guard let x = a.sex, let y = b.sex else { return .null }
        return x == y ? .same : .different
    }
}
