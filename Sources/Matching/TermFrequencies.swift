/// How common each folded given name and family name is, for the term-frequency adjustment of exact
/// name agreement: two records agreeing on "nguyen van an" are far weaker evidence than two agreeing on
/// a rare name, and a single u-probability for "names equal" cannot express that.
public struct TermFrequencies: Codable, Sendable, Hashable {
    /// Folded given name → share of mentions with that given name.
    public var given: [String: Double]
    /// Folded family name → share of mentions with that family name.
    public var family: [String: Double]
    /// Floor of the combined frequency, so a name seen once never yields an unbounded weight.
    public var minimumFrequency: Double

    public init(given: [String: Double] = [:], family: [String: Double] = [:], minimumFrequency: Double = 1e-6) {
        self.given = given
        self.family = family
        self.minimumFrequency = minimumFrequency
    }

    /// No table: no adjustment is made.
    public static let empty = TermFrequencies()

    /// Relative frequencies counted over the mentions that have the part.
    public init(counting mentions: [PersonFeatures], minimumFrequency: Double = 1e-6) {
        self.init(
            given: Self.shares(mentions.map(\.foldedGiven)), family: Self.shares(mentions.map(\.foldedFamily)),
            minimumFrequency: minimumFrequency)
    }

    private static func shares(_ values: [String]) -> [String: Double] {
        var counts: [String: Int] = [:]
        var total = 0
        for value in values where !value.isEmpty {
            counts[value, default: 0] += 1
            total += 1
        }
        guard total > 0 else { return [:] }
        return counts.mapValues { Double($0) / Double(total) }
    }

    /// Probability that a random pair of people shares this given and family name: the product of the two
    /// shares, floored at `minimumFrequency`. Nil when either name is not in the table (then the level's
    /// plain u-probability stands).
    public func frequency(given givenName: String, family familyName: String) -> Double? {
        guard let g = given[givenName], let f = family[familyName] else { return nil }
        return max(g * f, minimumFrequency)
    }
}
