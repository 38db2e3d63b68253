/// Byte-level versions of the `Character` operations the normalisers use, for the text they almost always
/// see: scalars below U+0300 (ASCII, Latin-1, Latin Extended-A/B, spacing modifiers) and precomposed
/// Vietnamese letters (U+1E00–U+1EFF). None of those scalars joins a neighbour into one grapheme cluster
/// (no combining marks, joiners or prepended signs), so splitting on an ASCII separator byte gives exactly the
/// pieces `split(separator:)` gives. Any other text goes through the `Character` operation itself.
enum SimpleText {
    /// True when every scalar is below U+0300 or in U+1E00–U+1EFF.
    @inline(__always)
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x0300 || (scalar.value >= 0x1E00 && scalar.value <= 0x1EFF)
    }

    /// Exactly `text.split(separator: Character(separator))` (empty pieces omitted); `separator` must be an
    /// ASCII byte other than CR and LF.
    static func split(_ text: Substring, on separator: UInt8) -> [Substring] {
        var pieces: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.value == UInt32(separator) {
                if start < index { pieces.append(text[start..<index]) }
                scalars.formIndex(after: &index)
                start = index
                continue
            }
            guard isSimple(scalar) else {
                return text.split(separator: Character(Unicode.Scalar(separator)))
            }
            scalars.formIndex(after: &index)
        }
        if start < scalars.endIndex { pieces.append(text[start..<scalars.endIndex]) }
        return pieces
    }

    /// Exactly `text.split(whereSeparator: { $0 == first || $0 == second })` for two ASCII separator bytes
    /// other than CR and LF.
    static func split(_ text: Substring, onAnyOf separators: (UInt8, UInt8)) -> [Substring] {
        var pieces: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.value == UInt32(separators.0) || scalar.value == UInt32(separators.1) {
                if start < index { pieces.append(text[start..<index]) }
                scalars.formIndex(after: &index)
                start = index
                continue
            }
            guard isSimple(scalar) else {
                let first = Character(Unicode.Scalar(separators.0)), second = Character(Unicode.Scalar(separators.1))
                return text.split(whereSeparator: { $0 == first || $0 == second })
            }
            scalars.formIndex(after: &index)
        }
        if start < scalars.endIndex { pieces.append(text[start..<scalars.endIndex]) }
        return pieces
    }

    /// `split(_:on:)` for a whole string.
    @inline(__always)
    static func split(_ text: String, on separator: UInt8) -> [Substring] {
        split(text[...], on: separator)
    }

    /// True when every byte is printable ASCII (U+0020–U+007E): each `Character` of such text is one byte.
    static func isPrintableASCII<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}
