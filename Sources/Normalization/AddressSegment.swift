import Domain

/// One comma-separated part of a free-text address, with the unit type its first word announces
/// ("Xã", "P.", "Huyện", "TP." …) and its folded name for the reference lookups.
struct AddressSegment: Equatable {
    /// The administrative level a type word announces.
    enum Level: Equatable {
        case province
        /// "Thành phố": a province-level city (Hà Nội) or a district-level one (Tân An) before 2025.
        case city
        case district
        case commune
    }

    /// The segment as written (canonical text).
    var text: String
    /// Folded, abbreviations expanded, with its type word: "phuong ben nghe", "quan 1", "long an".
    var query: String
    /// The folded name without its type word: "ben nghe", "1", "long an".
    var bare: String
    var level: Level?

    init(text: String) {
        self.text = text
        let folded = Self.expandingAbbreviation(VietnameseScalars.fold(text))
        query = folded
        bare = folded
        level = nil
        for (word, level) in Self.typeWords where folded.hasPrefix(word + " ") {
            self.level = level
            bare = String(folded.dropFirst(word.count + 1))
            break
        }
        if let alias = Self.provinceAliases[bare] {
            bare = alias
            if level == nil || level == .city { query = alias }
        }
    }

    /// True when the segment is nothing but a type word or its abbreviation ("Xã", "TP.", "Huyện").
    var isTypeWordOnly: Bool {
        let folded = VietnameseScalars.fold(text)
        return Self.typeWords.contains { $0.0 == folded }
            || Self.abbreviations.contains { $0.0 == folded || $0.0 == folded + "." }
    }

    /// Type words (folded), longest first.
    static let typeWords: [(String, Level)] = [
        ("thanh pho", .city), ("thi tran", .commune), ("dac khu", .commune), ("thi xa", .district),
        ("phuong", .commune), ("huyen", .district), ("quan", .district), ("tinh", .province), ("xa", .commune),
    ]

    /// Abbreviations at the start of a folded segment → their type word.
    private static let abbreviations: [(String, String)] = [
        ("t.p.", "thanh pho"), ("tp.", "thanh pho"), ("tp", "thanh pho"), ("tx.", "thi xa"), ("tx", "thi xa"),
        ("tt.", "thi tran"), ("tt", "thi tran"), ("p.", "phuong"), ("p", "phuong"), ("f.", "phuong"),
        ("q.", "quan"), ("q", "quan"), ("x.", "xa"), ("h.", "huyen"), ("t.", "tinh"),
    ]

    /// Informal names of provinces (folded) → the bare official name.
    static let provinceAliases: [String: String] = [
        "hcm": "ho chi minh", "tphcm": "ho chi minh", "tp.hcm": "ho chi minh", "sai gon": "ho chi minh",
        "saigon": "ho chi minh", "hn": "ha noi", "thua thien hue": "hue", "thua thien - hue": "hue",
        "ba ria vung tau": "ba ria - vung tau", "ba ria-vung tau": "ba ria - vung tau", "brvt": "ba ria - vung tau",
        "daklak": "dak lak", "dac lac": "dak lak", "daknong": "dak nong",
    ]

    /// "p.ben nghe" → "phuong ben nghe", "q 1" → "quan 1", "tp.hcm" → "tp.hcm" (an alias, kept whole).
    static func expandingAbbreviation(_ folded: String) -> String {
        if provinceAliases[folded] != nil { return folded }
        for (abbreviation, word) in abbreviations where folded.hasPrefix(abbreviation) {
            var rest = folded.dropFirst(abbreviation.count)
            let hasDot = abbreviation.hasSuffix(".")
            if rest.first == " " {
                rest = rest.dropFirst()
            } else if !hasDot {
                continue  // "tp" must be followed by a space or a dot: "tpa…" is a name
            }
            guard let first = rest.first, first.isLetter || first.isNumber else { continue }
            if provinceAliases[String(rest)] != nil && word == "thanh pho" { return String(rest) }
            return word + " " + rest
        }
        return folded
    }

    /// Splits an address into segments: on commas and semicolons, and before a unit type word inside a part
    /// when the comma before it is missing ("Xã Tân Phú Huyện Đức Hòa" → two segments). Inside a part only
    /// the accented type words and the dotted abbreviations split, so "Xa lộ Hà Nội" stays whole.
    static func split(_ canonical: String) -> [AddressSegment] {
        var segments: [AddressSegment] = []
        for part in canonical.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let words = part.split(separator: " ")
            var start = 0
            for index in words.indices where index > start && startsUnit(words, at: index) {
                segments.append(AddressSegment(text: words[start..<index].joined(separator: " ")))
                start = index
            }
            if start < words.count {
                segments.append(AddressSegment(text: words[start...].joined(separator: " ")))
            }
        }
        return segments
    }

    private static func startsUnit(_ words: [Substring], at index: Int) -> Bool {
        switch words[index].unicodeScalars.first {
        case "x", "X", "p", "P", "h", "H", "q", "Q", "t", "T", "đ", "Đ": break
        default: return false
        }
        let word = words[index].lowercased()
        let next = index + 1 < words.count ? words[index + 1].lowercased() : ""
        switch word {
        case "xã": return !next.isEmpty && words[index - 1].lowercased() != "thị"  // "Thị xã" is one type word
        case "phường", "huyện", "quận", "tỉnh": return !next.isEmpty
        case "thị": return next == "trấn" || next == "xã"
        case "thành": return next == "phố"
        case "đặc": return next == "khu"
        default:
            for abbreviation in ["tp.", "tx.", "tt.", "p.", "q.", "h.", "x."] where word.hasPrefix(abbreviation) {
                return word.count > abbreviation.count || !next.isEmpty
            }
            return false
        }
    }
}
