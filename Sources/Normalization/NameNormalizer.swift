import Domain

/// Canonical Vietnamese personal names.
///
/// Splitting rule (decided here, relied on by matching):
/// - the **family name** is the first token; the **given name** the last; everything between is the
///   **middle name**. Vietnamese order is always family first, so "Nguyễn Phạm Minh Anh" has family
///   "Nguyễn" and middle "Phạm Minh": a dual family name written with a space cannot be told from a
///   middle name, so it is never guessed.
/// - A dual family name is taken only when it is **clearly marked** by a hyphen ("Nguyễn-Phạm Minh Anh" →
///   family "Nguyễn-Phạm"), or is one of the few multi-syllable family names that cannot be middle names
///   ("Tôn Thất", "Tôn Nữ", "Công Tằng Tôn Nữ"; finding `name.compound_family`).
/// - One token only: it is the given name (finding `name.single_token`).
///
/// Findings: `name.empty` (error, no value), `name.digits` (error, value kept), `name.symbols` (warning,
/// value kept), `name.no_diacritics` (info: an all-ASCII name has probably lost its accents, so exact
/// comparison with accents is not meaningful), `name.single_token`, `name.compound_family` (info).
public enum NameNormalizer {
    /// Canonical full name (title case per syllable, e.g. "NGUYỄN VĂN AN" → "Nguyễn Văn An"), split into family,
    /// middle and given name, and its folded key (`TextFolding.fold`). See the type's documentation for the rules.
    public static func normalize(_ raw: String) -> Normalized<PersonName> {
        let asGiven = VietnameseOrthography.nfcIfNeeded(raw)
        let canonical = VietnameseOrthography.canonicalText(raw)
        guard !canonical.isEmpty else {
            return Normalized(nil, findings: [Finding(rule: "name.empty", severity: .error, message: "the name is empty")])
        }
        var findings: [Finding] = []
        findings.append(contentsOf: characterFindings(canonical))
        let tokens = SimpleText.split(canonical, on: UInt8(ascii: " ")).map { VietnameseScalars.titleCased($0) }
        let full = tokens.joined(separator: " ")
        let folded = VietnameseScalars.fold(full)
        if VietnameseOrthography.isASCII(full) {
            findings.append(
                Finding(
                    rule: "name.no_diacritics", severity: .info,
                    message: "the name has no diacritics; it may have lost its accents"))
        }
        let (family, middle, given) = split(tokens, folded: folded, findings: &findings)
        let name = PersonName(asGiven: asGiven, full: full, family: family, middle: middle, given: given, folded: folded)
        return Normalized(name, findings: findings)
    }

    /// Multi-syllable family names that are never middle names (folded, space-separated).
    static let compoundFamilyNames: [[Substring]] = [
        ["cong", "tang", "ton", "nu"], ["ton", "that"], ["ton", "nu"],
    ]

    private static func split(
        _ tokens: [String], folded: String, findings: inout [Finding]
    ) -> (family: String?, middle: String?, given: String?) {
        guard tokens.count > 1 else {
            findings.append(
                Finding(
                    rule: "name.single_token", severity: .info,
                    message: "the name has one word only; it is taken as the given name"))
            return (nil, nil, tokens.first)
        }
        var familyCount = 1
        let foldedTokens = folded.hasPrefix("ton ") || folded.hasPrefix("cong ") ? SimpleText.split(folded, on: UInt8(ascii: " ")) : []
        if foldedTokens.count == tokens.count,
            let compound = compoundFamilyNames.first(where: { prefix in
                prefix.count < tokens.count && Array(foldedTokens.prefix(prefix.count)) == prefix
            })
        {
            familyCount = compound.count
            findings.append(
                Finding(
                    rule: "name.compound_family", severity: .info,
                    message: "the first \(compound.count) words are taken as one family name"))
        }
        let family = tokens[0..<familyCount].joined(separator: " ")
        let middleTokens = tokens[familyCount..<(tokens.count - 1)]
        let middle = middleTokens.isEmpty ? nil : middleTokens.joined(separator: " ")
        return (family, middle, tokens.last)
    }

    /// `name.digits` for any digit, `name.symbols` for characters other than letters, spaces, apostrophes,
    /// hyphens and periods (initials).
    private static func characterFindings(_ text: String) -> [Finding] {
        var digits = false
        var symbols: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits = true
            case 0x41...0x5A, 0x61...0x7A, 0x20, 0x27, 0x2D, 0x2E, 0x0110, 0x0111: continue
            default:
                if VietnameseVowels.parts(of: scalar) != nil { continue }
                let properties = scalar.properties
                if properties.numericType != nil {
                    digits = true
                } else if properties.isAlphabetic || properties.generalCategory == .nonspacingMark {
                    continue
                } else if !symbols.contains(scalar) {
                    symbols.append(scalar)
                }
            }
        }
        var findings: [Finding] = []
        if digits {
            findings.append(Finding(rule: "name.digits", severity: .error, message: "the name contains digits"))
        }
        if !symbols.isEmpty {
            let list = symbols.prefix(5).map { "'\($0)'" }.joined(separator: " ")
            findings.append(
                Finding(rule: "name.symbols", severity: .warning, message: "the name contains symbols: \(list)"))
        }
        return findings
    }
}
