import Domain

/// Unit-type words that open a folded unit name ("phuong ba dinh", "thi tran ben luc").
enum UnitTypePrefix {
    /// Longest first, so "thi tran" wins over a shorter word.
    static let all = ["thanh pho", "thi tran", "thi xa", "dac khu", "phuong", "huyen", "quan", "tinh", "xa"]

    /// Splits a folded name into its unit-type prefix (when present) and the bare name:
    /// "phuong 01" → ("phuong", "1"); "ba dinh" → (nil, "ba dinh"). Numeric names lose leading zeros.
    static func split(_ folded: String) -> (prefix: String?, bare: String) {
        for (prefix, withSpace) in allWithSpace where folded.hasPrefix(withSpace) {
            let bare = String(folded.utf8.dropFirst(withSpace.utf8.count)) ?? String(folded.dropFirst(prefix.count + 1))
            return (prefix, canonicalNumber(bare))
        }
        return (nil, canonicalNumber(folded))
    }

    /// `all`, each with the space that must follow it.
    private static let allWithSpace = all.map { ($0, $0 + " ") }

    /// "01" → "1": numbered wards are written both ways.
    private static func canonicalNumber(_ text: String) -> String {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return text }
        let trimmed = text.drop(while: { $0 == "0" })
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}

/// Folded-name index over one list of units: full names ("xa tan phu") and bare names ("tan phu").
struct NameIndex: Sendable {
    private var full: [String: [Int]] = [:]
    private var bare: [String: [Int]] = [:]

    /// Indexes `names` (official names with their type prefix); positions are indices into that list.
    init(names: [String]) {
        full.reserveCapacity(names.count)
        bare.reserveCapacity(names.count)
        for (position, name) in names.enumerated() {
            let folded = TextFolding.fold(name)
            full[folded, default: []].append(position)
            bare[UnitTypePrefix.split(folded).bare, default: []].append(position)
        }
    }

    /// Positions of the units `query` names among those `isIncluded` accepts. With a type prefix, units whose
    /// full name matches exactly win; when none does (the source used another type, e.g. "xã" for what is now
    /// a "phường"), the bare name decides. Without a prefix the bare name decides. Ascending positions.
    func positions(matching query: String, where isIncluded: (Int) -> Bool = { _ in true }) -> [Int] {
        let folded = TextFolding.fold(query)
        let (prefix, bareQuery) = UnitTypePrefix.split(folded)
        if prefix != nil {
            let exact = (full[folded] ?? []).filter(isIncluded)
            if !exact.isEmpty { return exact }
        }
        return (bare[bareQuery] ?? []).filter(isIncluded)
    }
}

/// One `NameIndex` per unit list.
struct NameIndexes: Sendable {
    let provinces2025: NameIndex
    let communes2025: NameIndex
    let provincesPre2025: NameIndex
    let districtsPre2025: NameIndex
    let communesPre2025: NameIndex
}
