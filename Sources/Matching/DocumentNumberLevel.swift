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
                let (sameType, typo) = withBytes(x, y) { x, y in
                    let same = sameTypePrefix(x, y)
                    return (same, same && oneTypoApart(x, y))
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

    /// True when the strings are one typo apart (`oneTypoApart` on their UTF-8 bytes).
    static func oneTypoApart(_ x: String, _ y: String) -> Bool {
        withBytes(x, y) { oneTypoApart($0, $1) }
    }

    /// Equal length, and exactly one position differs or exactly two neighbouring positions are swapped.
    static func oneTypoApart(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard x.count == y.count else { return false }
        var differing = 0
        var first = 0
        for index in x.indices where x[index] != y[index] {
            differing += 1
            if differing > 2 { return false }
            if differing == 1 { first = index } else if index != first + 1 { return false }
        }
        if differing == 1 { return true }
        return differing == 2 && x[first] == y[first + 1] && x[first + 1] == y[first]
    }

    /// Runs `body` on the UTF-8 bytes of both strings, without copying them when they are native (contiguous).
    static func withBytes<R>(_ x: String, _ y: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = x.utf8.withContiguousStorageIfAvailable({ x in y.utf8.withContiguousStorageIfAvailable { y in body(x, y) } }),
            let result
        {
            return result
        }
        return Array(x.utf8).withUnsafeBufferPointer { x in Array(y.utf8).withUnsafeBufferPointer { y in body(x, y) } }
    }
}
