/// A Vietnamese personal name: family name first, then middle name(s), given name last.
public struct PersonName: Hashable, Codable, Sendable {
    /// The name exactly as the source gave it (decoded to NFC).
    public var asGiven: String
    /// Canonical form: NFC, canonical tone placement, single spaces, title case.
    public var full: String
    public var family: String?
    public var middle: String?
    public var given: String?
    /// Accent-free lower-case key (đ→d) for blocking and search.
    public var folded: String

    public init(asGiven: String, full: String, family: String?, middle: String?, given: String?, folded: String) {
        self.asGiven = asGiven
        self.full = full
        self.family = family
        self.middle = middle
        self.given = given
        self.folded = folded
    }
}

public enum Sex: String, Codable, Sendable {
    case male, female
}
