import Domain

/// The part of an address below the commune: house number and street (with any hamlet, group or
/// residential-quarter names kept in `street`, since `Address` has no field of their own).
enum AddressDetail {
    /// "Số 5" → ("5", nil); "123 Nguyễn Trãi" → ("123", "Nguyễn Trãi"); "Số nhà 12A, đường Lê Lợi" →
    /// ("12A", "Lê Lợi"); "Ấp Bình Tả 1" → (nil, "Ấp Bình Tả 1"). Parts are canonical text, joined by ", ".
    static func parse(_ parts: [String]) -> (houseNumber: String?, street: String?) {
        var parts = parts.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return (nil, nil) }
        var houseNumber: String?
        var words = SimpleText.split(parts[0], on: UInt8(ascii: " "))
        let prefixLength = houseNumberPrefixLength(words)
        if prefixLength < words.count, isHouseNumber(words[prefixLength]) {
            houseNumber = String(words[prefixLength])
            words.removeFirst(prefixLength + 1)
            parts[0] = words.joined(separator: " ")
        }
        let streetParts = parts.enumerated().map { index, part in index == 0 ? withoutStreetWord(part) : part }
            .filter { !$0.isEmpty }
        return (houseNumber, streetParts.isEmpty ? nil : streetParts.joined(separator: ", "))
    }

    /// How many leading words announce a house number: "Số nhà" 2; "Số", "SN", "Số.", "Nhà" 1; otherwise 0.
    private static func houseNumberPrefixLength(_ words: [Substring]) -> Int {
        guard let first = words.first else { return 0 }
        if let byte = first.utf8.first, byte < 0x80, !mayStartPrefix(byte) { return 0 }
        let folded = words.prefix(2).map { VietnameseScalars.fold(String($0)) }
        if folded.count >= 2, folded[0] == "so", folded[1] == "nha" { return 2 }
        if let first = folded.first, first == "so" || first == "sn" || first == "so." || first == "nha" { return 1 }
        return 0
    }

    /// An ASCII byte a word folding to "so", "sn" or "nha" can start with (white space is dropped by folding).
    private static func mayStartPrefix(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "n"), UInt8(ascii: "N"), 0x09...0x0D, 0x20: return true
        default: return false
        }
    }

    /// A token that starts with a digit and holds only digits, letters and `/ - .`: 5, 12A, 12/3, 45-47, 7.2.
    static func isHouseNumber(_ token: Substring) -> Bool {
        guard let first = token.unicodeScalars.first, ("0"..."9").contains(first) else { return false }
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a byte is a Character, and only digits and letters are numbers or letters.
            return token.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    return true
                default: return false
                }
            }
        }
        return token.allSatisfy { $0.isNumber || $0.isLetter || $0 == "/" || $0 == "-" || $0 == "." }
    }

    /// "đường Lê Lợi" → "Lê Lợi", "Đ. Lê Lợi" → "Lê Lợi"; other text unchanged.
    private static func withoutStreetWord(_ part: String) -> String {
        if let byte = part.utf8.first, byte < 0x80, !mayStartStreetWord(byte) { return part }
        let folded = VietnameseScalars.fold(part)
        for word in ["duong ", "d. ", "pho "] where folded.hasPrefix(word) && folded.count > word.count {
            return String(part.dropFirst(word.count))
        }
        if folded.hasPrefix("d.") && folded.count > 2 { return String(part.dropFirst(2)) }
        return part
    }

    /// An ASCII byte a part folding to "duong ", "d. ", "pho " or "d." can start with.
    private static func mayStartStreetWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "p"), UInt8(ascii: "P"), 0x09...0x0D, 0x20: return true
        default: return false
        }
    }
}
