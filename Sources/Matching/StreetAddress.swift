import Domain

/// The street part of an address as persons are compared on it: folded house number and folded street without
/// spaces ("12", "leloi"), since registers split and join street words differently ("Nguyễn Thị Minh Khai" /
/// "NguyễnThị Minh Khai"). Kept per address; a person with several addresses has several.
public struct StreetAddress: Hashable, Sendable, Comparable {
    /// Folded house number; empty when the address gives none.
    public var house: String
    /// Folded street without spaces, as UTF-8 bytes (for Jaro–Winkler); never empty.
    public var street: [UInt8]

    /// Nil without a street. `|` and U+001F are dropped from both parts (they separate the parts, and a person's
    /// streets, in the stored form).
    public init?(house: String?, street: String?) {
        let folded = TextFolding.fold(street ?? "").utf8.filter { $0 != 0x20 && $0 != 0x7C && $0 != 0x1F }
        guard !folded.isEmpty else { return nil }
        self.house = String(decoding: TextFolding.fold(house ?? "").utf8.filter { $0 != 0x7C && $0 != 0x1F }, as: UTF8.self)
        self.street = folded
    }

    /// The streets of a person's addresses, sorted, no duplicates.
    public static func of(_ addresses: [Address]) -> [StreetAddress] {
        Array(Set(addresses.compactMap { StreetAddress(house: $0.houseNumber, street: $0.street) })).sorted()
    }

    /// By house number, then street bytes.
    public static func < (a: StreetAddress, b: StreetAddress) -> Bool {
        a.house != b.house ? a.house < b.house : a.street.lexicographicallyPrecedes(b.street)
    }

    // MARK: Stored form

    /// `house|street`.
    public var stored: String { house + "|" + String(decoding: street, as: UTF8.self) }

    /// Parses `stored`; nil for text not in that form.
    public init?(stored: String) {
        guard let bar = stored.firstIndex(of: "|") else { return nil }
        self.init(house: String(stored[..<bar]), street: String(stored[stored.index(after: bar)...]))
    }
}
