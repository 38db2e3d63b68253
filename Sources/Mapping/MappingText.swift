import Domain

/// The string work of field extraction and string transforms, with byte-level paths for the text registries
/// almost always hold and the general `Character` operations for the rest. Results are the same either way.
enum MappingText {
    /// `text.trimmingWhitespace`, deciding the usual nothing-to-trim case without property look-ups.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !TextFolding.isWhitespace(first), !TextFolding.isWhitespace(last) { return text }
        return text.trimmingWhitespace
    }

    /// Runs of white space collapsed to one space, trimmed: `split(whereSeparator: \.isWhitespace)` joined by " ".
    static func collapsingSpaces(_ text: String) -> String {
        guard text.unicodeScalars.allSatisfy(isSingleScalarCharacter) else {
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        // Every Character is one scalar here (or CR LF, white space either way), so scalars decide.
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if TextFolding.isWhitespace(scalar) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace {
                    output.append(" ")
                    pendingSpace = false
                }
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Only the ASCII digits: `text.filter { $0.isASCII && $0.isNumber }`.
    static func asciiDigits(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return String(text.filter { $0.isASCII && $0.isNumber }) }
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return text }
        return String(decoding: text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
    }

    /// Scalars that never join a neighbour into one grapheme cluster: below U+0300, or precomposed
    /// Vietnamese letters (U+1E00–U+1EFF).
    private static func isSingleScalarCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x0300 || (scalar.value >= 0x1E00 && scalar.value <= 0x1EFF)
    }
}
