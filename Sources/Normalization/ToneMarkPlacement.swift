/// Where the tone mark of one Vietnamese syllable belongs, in the placement the national administrative-unit
/// lists and most registries use (Hòa, Thủy, Khóa, Quý, Hoàng, Người, Khuỷu):
///
/// 1. `qu` and `gi` before another vowel are consonants (`quý`, `già`, `giữ`).
/// 2. A vowel with a quality mark (ă â ê ô ơ ư) takes the tone; of two (`ươ`), the second (`người`).
/// 3. Otherwise a lone vowel takes it; a vowel group followed by a final consonant puts it on its last vowel
///    (`hoàng`, `huỳnh`); an open group of three on its middle vowel (`ngoài`, `khuỷu`); an open group of two on
///    its first vowel (`hòa`, `thủy`, `múa`).
///
/// Words that do not parse as one syllable (ethnic-minority names such as `Jrai`, foreign letters,
/// combining marks left after NFC, two tone marks) are never changed.
enum ToneMarkPlacement {
    /// Moves the tone mark of an NFC word to its canonical vowel, in place. Returns true when it moved.
    @discardableResult
    static func canonicalise(_ word: inout [Unicode.Scalar]) -> Bool {
        var tonedIndex: Int?
        for index in word.indices {
            let scalar = word[index]
            if let parts = VietnameseVowels.parts(of: scalar) {
                if parts.tone != .level {
                    guard tonedIndex == nil else { return false }  // two tone marks: not ours to fix
                    tonedIndex = index
                }
            } else if !isConsonant(scalar) {
                return false  // a letter outside the Vietnamese alphabet, or a stray combining mark
            }
        }
        guard let toned = tonedIndex, let target = targetIndex(word), target != toned,
            let tonedParts = VietnameseVowels.parts(of: word[toned]),
            let targetParts = VietnameseVowels.parts(of: word[target])
        else { return false }
        word[toned] = VietnameseVowels.scalar(row: tonedParts.row, tone: .level)
        word[target] = VietnameseVowels.scalar(row: targetParts.row, tone: tonedParts.tone)
        return true
    }

    /// The index of the vowel that should carry the tone, or nil when the word is not one syllable.
    static func targetIndex(_ word: [Unicode.Scalar]) -> Int? {
        func isVowel(_ index: Int) -> Bool { VietnameseVowels.parts(of: word[index]) != nil }
        guard var start = word.indices.first(where: isVowel) else { return nil }
        var end = start
        while end < word.count, isVowel(end) { end += 1 }
        guard !(end..<word.count).contains(where: isVowel) else { return nil }  // a second vowel group
        if start > 0, end - start >= 2, let first = VietnameseVowels.parts(of: word[start])?.letter {
            let before = word[start - 1]
            if (before == "q" || before == "Q") && first == VietnameseVowels.letterU {
                start += 1
            } else if (before == "g" || before == "G") && first == VietnameseVowels.letterI {
                start += 1
            }
        }
        let count = end - start
        guard (1...3).contains(count) else { return nil }
        if let marked = (start..<end).last(where: { VietnameseVowels.parts(of: word[$0])?.hasQualityMark ?? false }) {
            return marked
        }
        if count == 1 { return start }
        if end < word.count { return end - 1 }  // closed syllable: last vowel
        return count == 3 ? start + 1 : start
    }

    private static func isConsonant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: return true  // ASCII letters (vowels were matched before)
        case 0x0110, 0x0111: return true  // Đ đ
        default: return false
        }
    }
}
