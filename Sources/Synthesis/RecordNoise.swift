import Domain

/// The kinds of damage real registry exports show, applied to copies of the truth (DOMAIN.md §5).
enum RecordNoise {
    private static let typoLetters = Array("abcdeghiklmnopqrstuvxy")

    /// An owner name as a land office typed it: 10% without diacritics, 10% UPPER CASE, 3% a one-letter typo,
    /// 5% decomposed (NFD), the rest as given.
    static func name(_ name: String, _ random: inout SplitMix64) -> String {
        let draw = random.unit()
        switch draw {
        case ..<0.10: return TextFormatting.withoutDiacritics(name)
        case ..<0.20: return name.uppercased()
        case ..<0.23: return typo(in: name, &random)
        case ..<0.28: return TextFormatting.nfd(name)
        default: return name
        }
    }

    /// Replaces one letter (never a space) with another lower-case letter.
    static func typo(in name: String, _ random: inout SplitMix64) -> String {
        var characters = Array(name)
        let letterPositions = characters.indices.filter { characters[$0].isLetter }
        guard !letterPositions.isEmpty else { return name }
        let position = random.pick(letterPositions)
        var replacement = random.pick(typoLetters)
        if replacement == characters[position] { replacement = replacement == "a" ? "e" : "a" }
        characters[position] = characters[position].isUppercase ? Character(replacement.uppercased()) : replacement
        return String(characters)
    }

    /// A `dd/MM/yyyy` birth date as a land office wrote it: 8% year only, 3% `00/00/yyyy`, 3% `01/01/yyyy`,
    /// 3% day and month swapped (when that is still a date), the rest exact. Year-only truth stays year-only.
    static func dayMonthYear(_ person: SyntheticPerson, _ random: inout SplitMix64) -> String {
        let year = String(person.year)
        if person.yearOnly {
            switch random.below(3) {
            case 0: return year
            case 1: return "00/00/" + year
            default: return "01/01/" + year
            }
        }
        let draw = random.unit()
        switch draw {
        case ..<0.08: return year
        case ..<0.11: return "00/00/" + year
        case ..<0.14: return "01/01/" + year
        case ..<0.17 where person.day <= 12 && person.day != person.month:
            return TextFormatting.dayMonthYear(day: person.month, month: person.day, year: person.year)
        default: return TextFormatting.dayMonthYear(day: person.day, month: person.month, year: person.year)
        }
    }

    /// One digit changed (a typing slip in an identity number).
    static func digitTypo(_ number: String, _ random: inout SplitMix64) -> String {
        var digits = Array(number)
        guard !digits.isEmpty else { return number }
        let position = random.below(digits.count)
        let old = digits[position].wholeNumberValue ?? 0
        digits[position] = Character(String((old + 1 + random.below(9)) % 10))
        return String(digits)
    }
}
