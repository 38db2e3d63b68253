/// A text compared and hashed by its UTF-8 bytes, as a key of the normalisers' memos.
///
/// `String`'s own `==` and hash treat canonically equivalent texts as equal, and pay for it on every non-ASCII text:
/// each hash and each comparison checks the bytes for normalisation first. A memo does not need that: two spellings
/// of one text (precomposed or not) are two keys whose results are the same, because the normalisers canonicalise
/// first. Byte equality implies `String` equality, so a result found under an `ExactText` is the one the text gives.
public struct ExactText: Hashable, Sendable {
    public let text: String

    @inlinable public init(_ text: String) { self.text = text }

    @inlinable public static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        let left = lhs.text.utf8, right = rhs.text.utf8
        guard left.count == right.count else { return false }
        let equal: Bool? = left.withContiguousStorageIfAvailable { leftBytes in
            right.withContiguousStorageIfAvailable { rightBytes in
                leftBytes.elementsEqual(rightBytes)
            } ?? nil
        } ?? nil
        return equal ?? left.elementsEqual(right)
    }

    @inlinable public func hash(into hasher: inout Hasher) {
        let utf8 = text.utf8
        let hashed: Void? = utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
        hasher.combine(utf8.count)
    }
}
