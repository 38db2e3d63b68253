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
        var words = parts[0].split(separator: " ").map(String.init)
        var prefixLength = 0
        let folded = words.prefix(2).map { VietnameseScalars.fold($0) }
        if folded.count >= 2, folded[0] == "so", folded[1] == "nha" {
            prefixLength = 2
        } else if let first = folded.first, first == "so" || first == "sn" || first == "so." || first == "nha" {
            prefixLength = 1
        }
        if prefixLength < words.count, isHouseNumber(words[prefixLength]) {
            houseNumber = words[prefixLength]
            words.removeFirst(prefixLength + 1)
            parts[0] = words.joined(separator: " ")
        }
        let streetParts = parts.enumerated().map { index, part in index == 0 ? withoutStreetWord(part) : part }
            .filter { !$0.isEmpty }
        return (houseNumber, streetParts.isEmpty ? nil : streetParts.joined(separator: ", "))
    }

    /// A token that starts with a digit and holds only digits, letters and `/ - .`: 5, 12A, 12/3, 45-47, 7.2.
    static func isHouseNumber(_ token: String) -> Bool {
        guard let first = token.unicodeScalars.first, ("0"..."9").contains(first) else { return false }
        return token.allSatisfy { $0.isNumber || $0.isLetter || $0 == "/" || $0 == "-" || $0 == "." }
    }

    /// "đường Lê Lợi" → "Lê Lợi", "Đ. Lê Lợi" → "Lê Lợi"; other text unchanged.
    private static func withoutStreetWord(_ part: String) -> String {
        let folded = VietnameseScalars.fold(part)
        for word in ["duong ", "d. ", "pho "] where folded.hasPrefix(word) && folded.count > word.count {
            return String(part.dropFirst(word.count))
        }
        if folded.hasPrefix("d.") && folded.count > 2 { return String(part.dropFirst(2)) }
        return part
    }
}
