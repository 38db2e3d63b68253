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
        for (word, withSpace, level) in Self.typeWordsWithSpace where folded.hasPrefix(withSpace) {
            self.level = level
            // The prefix is ASCII, so its Characters are its bytes.
            bare = String(folded.utf8.dropFirst(withSpace.utf8.count)) ?? String(folded.dropFirst(word.count + 1))
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
        if Self.typeWords.contains(where: { $0.0 == folded }) || Self.abbreviations.contains(where: { $0.0 == folded }) { return true }
        // `abbreviation == folded + "."`: the abbreviation ends in a dot and the rest of it is `folded`.
        return Self.abbreviations.contains { $0.0.hasSuffix(".") && $0.0.dropLast() == folded }
    }

    /// Type words (folded), longest first.
    static let typeWords: [(String, Level)] = [
        ("thanh pho", .city), ("thi tran", .commune), ("dac khu", .commune), ("thi xa", .district),
        ("phuong", .commune), ("huyen", .district), ("quan", .district), ("tinh", .province), ("xa", .commune),
    ]

    /// `typeWords` with the space that must follow the word.
    private static let typeWordsWithSpace: [(String, String, Level)] = typeWords.map { ($0.0, $0.0 + " ", $0.1) }

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
        splitTexts(canonical).map(AddressSegment.init(text:))
    }

    /// The texts of `split(canonical)`.
    static func splitTexts(_ canonical: String) -> [String] {
        var texts: [String] = []
        for part in SimpleText.split(canonical[...], onAnyOf: (UInt8(ascii: ","), UInt8(ascii: ";"))) {
            let words = SimpleText.split(part, on: UInt8(ascii: " "))
            var start = 0
            for index in words.indices where index > start && startsUnit(words, at: index) {
                texts.append(joined(words[start..<index], in: part))
                start = index
            }
            if start < words.count {
                texts.append(joined(words[start...], in: part))
            }
        }
        return texts
    }

    /// `words.joined(separator: " ")`, taken from `part` in one piece when one space separates each word.
    private static func joined(_ words: ArraySlice<Substring>, in part: Substring) -> String {
        guard let first = words.first, let last = words.last else { return "" }
        var previous = first
        for word in words.dropFirst() {
            // Only spaces lie between the words, so a one-byte gap is exactly one space.
            guard part.utf8.distance(from: previous.endIndex, to: word.startIndex) == 1 else {
                return words.joined(separator: " ")
            }
            previous = word
        }
        return String(part[first.startIndex..<last.endIndex])
    }

    private static func startsUnit(_ words: [Substring], at index: Int) -> Bool {
        switch words[index].unicodeScalars.first {
        case "x", "X", "p", "P", "h", "H", "q", "Q", "t", "T", "đ", "Đ": break
        default: return false
        }
        // Compared byte for byte: `lowercased` gives NFC, as the literals are.
        let word = ExactText(lowercased(words[index]))
        var next: ExactText { ExactText(index + 1 < words.count ? lowercased(words[index + 1]) : "") }
        let hasNext = index + 1 < words.count
        switch word {
        case ExactText("xã"): return hasNext && ExactText(lowercased(words[index - 1])) != ExactText("thị")  // "Thị xã" is one type word
        case ExactText("phường"), ExactText("huyện"), ExactText("quận"), ExactText("tỉnh"): return hasNext
        case ExactText("thị"): return [ExactText("trấn"), ExactText("xã")].contains(next)
        case ExactText("thành"): return next == ExactText("phố")
        case ExactText("đặc"): return next == ExactText("khu")
        default:
            // The abbreviations are ASCII: a word that starts with one's bytes starts with its Characters, unless a
            // combining mark follows the dot ("p.̀"), which `hasPrefix` rules out.
            for abbreviation in ["tp.", "tx.", "tt.", "p.", "q.", "h.", "x."]
            where word.text.utf8.starts(with: abbreviation.utf8) && word.text.hasPrefix(abbreviation) {
                return word.text.count > abbreviation.count || hasNext
            }
            return false
        }
    }

    /// `word.lowercased()`, by table for ASCII and Vietnamese letters.
    static func lowercased(_ word: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: bytes.append(UInt8(scalar.value) | 0x20)
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            case 0x0110, 0x0111: VietnameseOrthography.appendUTF8("đ", to: &bytes)
            default:
                guard let parts = VietnameseVowels.parts(of: scalar) else { return word.lowercased() }
                VietnameseOrthography.appendUTF8(VietnameseVowels.scalar(parts, upper: false), to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
