/// Agreement levels of the name comparison, tested in the order `of` lists them. Their numbers are stable across
/// versions (a stored model's m and u are indexed by them), so a level added later takes the next number wherever
/// it is tested.
public enum NameLevel: Int, CaseIterable, Sendable {
    case null = 0
    /// Same canonical full name, diacritics included ("Nguyễn Văn Ân" = "Nguyễn Văn Ân").
    case exact
    /// Same once accents are dropped ("Nguyễn Văn Ân" ~ "Nguyen Van An"): legacy systems lost the marks.
    case exactFolded
    /// Middle + given names nearly equal (Jaro–Winkler ≥ 0.92) under equivalent surnames (Huỳnh ≡ Hoàng).
    case middleGivenSimilar
    /// Same given name and surname class, middle name recorded on one side only.
    case givenExactMiddleMissing
    /// Folded full names similar (Jaro–Winkler ≥ 0.80).
    case fullSimilar
    case disagree
    /// The same words in another order ("Nguyễn Văn An" ~ "Văn An Nguyễn": given name first, as foreign documents
    /// and some enterprise forms write it), allowing a typo: not similar as written, but the folded words, sorted,
    /// Jaro–Winkler ≥ 0.92. Tested after `fullSimilar`, before `disagree`.
    case reordered
    /// Middle + given names nearly equal (Jaro–Winkler ≥ 0.92) under a surname of another class or on one side only:
    /// a surname changed (a child's recognised father, a foreign register's married name), dropped, or typed beyond
    /// recognition. Tested after `givenExactMiddleMissing`, before `fullSimilar`.
    case middleGivenSimilarOtherSurname

    public var label: String {
        switch self {
        case .null: return "name missing"
        case .exact: return "exact name with diacritics"
        case .exactFolded: return "exact name without diacritics"
        case .middleGivenSimilar: return "middle+given similar (JW ≥ 0.92), same surname class"
        case .givenExactMiddleMissing: return "given name and surname class equal, middle name on one side only"
        case .fullSimilar: return "full name similar (JW ≥ 0.80)"
        case .disagree: return "names differ"
        case .reordered: return "same names in another order (sorted words JW ≥ 0.92)"
        case .middleGivenSimilarOtherSurname: return "middle+given similar (JW ≥ 0.92), surname differs or on one side only"
        }
    }

    static let middleGivenThreshold = 0.92
    static let fullNameThreshold = 0.80

    static func of(_ a: PersonFeatures, _ b: PersonFeatures) -> NameLevel {
        guard a.hasName, b.hasName else { return .null }
        if a.fullNameBytes == b.fullNameBytes { return .exact }
        if a.foldedFullNameBytes == b.foldedFullNameBytes { return .exactFolded }
        let sameSurnameClass = !a.surnameClass.isEmpty && a.surnameClass == b.surnameClass
        if sameSurnameClass, !a.foldedMiddleGivenBytes.isEmpty, !b.foldedMiddleGivenBytes.isEmpty,
            JaroWinkler.similarity(a.foldedMiddleGivenBytes, b.foldedMiddleGivenBytes, atLeast: middleGivenThreshold)
        {
            return .middleGivenSimilar
        }
        if sameSurnameClass, !a.foldedGiven.isEmpty, a.foldedGiven == b.foldedGiven,
            a.foldedMiddle.isEmpty != b.foldedMiddle.isEmpty
        {
            return .givenExactMiddleMissing
        }
        if !sameSurnameClass, !a.surnameClass.isEmpty || !b.surnameClass.isEmpty,
            !a.foldedMiddleGivenBytes.isEmpty, !b.foldedMiddleGivenBytes.isEmpty,
            JaroWinkler.similarity(a.foldedMiddleGivenBytes, b.foldedMiddleGivenBytes, atLeast: middleGivenThreshold)
        {
            return .middleGivenSimilarOtherSurname
        }
        if JaroWinkler.similarity(a.foldedFullNameBytes, b.foldedFullNameBytes, atLeast: fullNameThreshold) {
            return .fullSimilar
        }
        if JaroWinkler.similarity(a.sortedNameWordsBytes, b.sortedNameWordsBytes, atLeast: middleGivenThreshold) {
            return .reordered
        }
        return .disagree
    }

    /// The level a pair at a level added later fell into before that level existed (`Comparison.level(_:_:known:)`).
    static func earlier(_ level: NameLevel, _ a: PersonFeatures, _ b: PersonFeatures) -> NameLevel? {
        switch level {
        case .reordered: return .disagree
        case .middleGivenSimilarOtherSurname:
            return JaroWinkler.similarity(a.foldedFullNameBytes, b.foldedFullNameBytes, atLeast: fullNameThreshold) ? .fullSimilar : .disagree
        default: return nil
        }
    }
}
