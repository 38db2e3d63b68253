/// Agreement levels of the document-number comparison: passport and social insurance numbers, each compared only
/// with numbers of its own type. Unlike the 12-digit personal number they carry no check of their own, and are
/// typed by hand from paper books, so one mistyped digit (or two neighbours swapped) is a level of its own.
public enum DocumentNumberLevel: Int, CaseIterable, Sendable {
    case null = 0
    /// A number of some type is the same on both sides.
    case same
    /// No number is shared, but two of one type differ by one digit or by two neighbouring digits swapped.
    case oneTypoApart
    /// Both sides have numbers of a common type, none the same or one typo apart.
    case different

    public var label: String {
        switch self {
        case .null: return "no document numbers of a common type"
        case .same: return "same passport or social insurance number"
        case .oneTypoApart: return "document numbers one typo apart"
        case .different: return "different document numbers"
        }
    }

    static func of(_ a: PersonFeatures, _ b: PersonFeatures) -> DocumentNumberLevel {
        if a.documentNumbers.isEmpty || b.documentNumbers.isEmpty { return .null }
        if PersonFeatures.overlap(a.documentNumbers, b.documentNumbers) { return .same }
        var level = DocumentNumberLevel.null
        for x in a.documentNumbers {
            for y in b.documentNumbers {
                // Same type: the `type:` prefixes are equal, so the whole strings are one typo apart exactly when the
                // numbers are.
                let (sameType, typo) = OneTypo.withBytes(x, y) { x, y in
                    let same = sameTypePrefix(x, y)
                    return (same, same && OneTypo.apart(x, y))
                }
                if typo { return .oneTypoApart }
                if sameType { level = .different }
            }
        }
        return level
    }

    /// True when both `type:value` byte strings have the same type.
    private static func sameTypePrefix(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let i = x.firstIndex(of: 0x3A), let j = y.firstIndex(of: 0x3A), i == j else { return false }
        return x[..<i].elementsEqual(y[..<j])
    }
}
