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
            for y in b.documentNumbers where sameType(x, y) {
                if oneTypoApart(Array(x.utf8), Array(y.utf8)) { return .oneTypoApart }
                level = .different
            }
        }
        return level
    }

    /// True when both `type:value` strings have the same type.
    private static func sameType(_ x: String, _ y: String) -> Bool {
        guard let i = x.utf8.firstIndex(of: 0x3A), let j = y.utf8.firstIndex(of: 0x3A) else { return false }
        return x.utf8[..<i].elementsEqual(y.utf8[..<j])
    }

    /// Equal length, and exactly one position differs or exactly two neighbouring positions are swapped.
    static func oneTypoApart(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        guard x.count == y.count else { return false }
        var differing: [Int] = []
        for index in x.indices where x[index] != y[index] {
            differing.append(index)
            if differing.count > 2 { return false }
        }
        switch differing.count {
        case 1: return true
        case 2:
            let (i, j) = (differing[0], differing[1])
            return j == i + 1 && x[i] == y[j] && x[j] == y[i]
        default: return false
        }
    }
}
