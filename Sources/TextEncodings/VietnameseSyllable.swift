import Foundation

/// A structural check of Vietnamese syllables: (initial consonant) + vowel nucleus + (final consonant), at most
/// one tone mark. Used to score candidate decodings; it accepts every real syllable and rejects the letter soups
/// that a wrong code page produces ("chaøo", "chµo", "Nguyờịn").
public enum VietnameseSyllable {
    static let initials: [String] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ]
    static let finals: [String] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""]
    static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "ôô",
        "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "uêu",
    ]
    private static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

    /// True when `word` (any case, any normalisation form) has the shape of one Vietnamese syllable.
    public static func isValid(_ word: some StringProtocol) -> Bool {
        var stripped = String.UnicodeScalarView()
        var tones = 0
        for scalar in String(word).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if toneMarks.contains(scalar.value) { tones += 1 } else { stripped.append(scalar) }
        }
        guard tones <= 1 else { return false }
        let letters = String(stripped).precomposedStringWithCanonicalMapping
        guard !letters.isEmpty, letters.count <= 8 else { return false }
        for initial in initials where letters.hasPrefix(initial) {
            let rest = letters.dropFirst(initial.count)
            for final in finals where rest.hasSuffix(final) && rest.count > final.count {
                if nuclei.contains(String(rest.dropLast(final.count))) { return true }
            }
            // "gi" + vowel-less rest: gì, gìn (the i belongs to the nucleus).
            if initial == "gi", rest.isEmpty || finals.contains(String(rest)) { return true }
        }
        return false
    }
}
