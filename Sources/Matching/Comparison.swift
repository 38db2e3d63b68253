/// One field-level comparison of a Fellegi–Sunter model: it sorts a pair of mentions into one of a few
/// ordered agreement levels, and the model attaches an m- and u-probability to each level.
///
/// Level 0 always means "not comparable" (a value is missing on one side) and contributes weight 0.
/// Levels 1, 2, … are tested in order and the first that applies wins, so lower levels are the more
/// specific kinds of agreement and the last level is plain disagreement (Splink's case-when order).
public enum Comparison: String, Codable, Sendable, CaseIterable {
    case name
    case birthDate = "birth_date"
    case identifiers
    case sex
    case address
    case documentNumbers = "document_numbers"
    case street
    case postalCode = "postal_code"

    /// Name shown in explanations and stored in trained models.
    public var name: String { rawValue }

    /// Human label of each level, indexed by level (index 0 is the null level).
    public var labels: [String] {
        switch self {
        case .name: return NameLevel.allCases.map(\.label)
        case .birthDate: return BirthDateLevel.allCases.map(\.label)
        case .identifiers: return IdentifierLevel.allCases.map(\.label)
        case .sex: return SexLevel.allCases.map(\.label)
        case .address: return AddressLevel.allCases.map(\.label)
        case .documentNumbers: return DocumentNumberLevel.allCases.map(\.label)
        case .street: return StreetLevel.allCases.map(\.label)
        case .postalCode: return PostalCodeLevel.allCases.map(\.label)
        }
    }

    /// Number of levels, the null level included.
    public var levelCount: Int { labels.count }

    /// The level the pair falls into. Reads only precomputed features; no allocation.
    public func level(_ a: PersonFeatures, _ b: PersonFeatures) -> Int {
        switch self {
        case .name: return NameLevel.of(a, b).rawValue
        case .birthDate: return BirthDateLevel.of(a, b).rawValue
        case .identifiers: return IdentifierLevel.of(a, b).rawValue
        case .sex: return SexLevel.of(a, b).rawValue
        case .address: return AddressLevel.of(a, b).rawValue
        case .documentNumbers: return DocumentNumberLevel.of(a, b).rawValue
        case .street: return StreetLevel.of(a, b).rawValue
        case .postalCode: return PostalCodeLevel.of(a, b).rawValue
        }
    }

    /// The level of the pair under a model with parameters for levels below `known` only (a model stored before later
    /// levels were added): a pair at a later level is scored at the level it fell into before that level existed,
    /// so an old model keeps scoring as it did until it is retrained.
    public func level(_ a: PersonFeatures, _ b: PersonFeatures, known: Int) -> Int {
        var level = self.level(a, b)
        while level >= known, let earlier = earlierLevel(level, a, b) { level = earlier }
        return level
    }

    private func earlierLevel(_ level: Int, _ a: PersonFeatures, _ b: PersonFeatures) -> Int? {
        switch self {
        case .name: return NameLevel(rawValue: level).flatMap { NameLevel.earlier($0, a, b) }?.rawValue
        case .birthDate: return BirthDateLevel(rawValue: level).flatMap(BirthDateLevel.earlier)?.rawValue
        default: return nil
        }
    }

    /// Levels whose agreement is exact on a term, where a term-frequency adjustment applies
    /// (agreeing on a rare name is stronger evidence than agreeing on "Nguyễn Văn An").
    public var termFrequencyLevels: [Int] {
        switch self {
        case .name: return [NameLevel.exact.rawValue, NameLevel.exactFolded.rawValue]
        default: return []
        }
    }
}

/// The ordered comparisons a model scores; the order fixes the column order of level vectors.
public struct ComparisonSet: Codable, Sendable, Hashable {
    public var comparisons: [Comparison]

    public init(_ comparisons: [Comparison]) {
        self.comparisons = comparisons
    }

    /// Name, birth date, identifiers, sex, address, document numbers, street, postal code.
    public static let standard = ComparisonSet(Comparison.allCases)

    public var count: Int { comparisons.count }

    /// The level of each comparison for the pair, in set order.
    public func levels(_ a: PersonFeatures, _ b: PersonFeatures) -> [Int] {
        comparisons.map { $0.level(a, b) }
    }

    /// Writes the levels into `buffer` (resized to `count`), so a loop over many pairs reuses one array.
    public func levels(_ a: PersonFeatures, _ b: PersonFeatures, into buffer: inout [Int]) {
        if buffer.count != comparisons.count { buffer = Array(repeating: 0, count: comparisons.count) }
        for index in comparisons.indices { buffer[index] = comparisons[index].level(a, b) }
    }
}
