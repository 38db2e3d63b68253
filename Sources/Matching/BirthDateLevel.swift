/// Agreement levels of the birth-date comparison. Older registers often hold only a year, and day and month are
/// often swapped between day-first and month-first entry forms. Level numbers are stable across versions (stored
/// models index m and u by them): `oneDigitApart`, added later, is tested after `yearWithinOne`, before `disagree`.
public enum BirthDateLevel: Int, CaseIterable, Sendable {
    case null = 0
    /// Same day, month and year.
    case exact
    /// Same year and month (day unknown on a side, or different).
    case sameYearMonth
    /// Same year, one side known to the year only: as much agreement as the data allows.
    case sameYearOneSideYearOnly
    /// Same year, day and month swapped (3/9 vs 9/3).
    case dayMonthSwapped
    /// Years one apart (lunar/solar year confusion, typing).
    case yearWithinOne
    case disagree
    /// Full dates whose eight digits (yyyymmdd) differ in one place or by two neighbours swapped: a typing slip.
    case oneDigitApart

    public var label: String {
        switch self {
        case .null: return "birth date missing"
        case .exact: return "same date"
        case .sameYearMonth: return "same year and month"
        case .sameYearOneSideYearOnly: return "same year, a side known to the year only"
        case .dayMonthSwapped: return "day and month swapped"
        case .yearWithinOne: return "years one apart"
        case .disagree: return "dates differ"
        case .oneDigitApart: return "full dates one typed digit apart"
        }
    }

    static func of(_ a: PersonFeatures, _ b: PersonFeatures) -> BirthDateLevel {
        guard let x = a.birthDate, let y = b.birthDate else { return .null }
        if x.year == y.year {
            if let dx = x.day, let dy = y.day, x.month == y.month, dx == dy { return .exact }
            if let mx = x.month, mx == y.month { return .sameYearMonth }
            if x.month == nil || y.month == nil { return .sameYearOneSideYearOnly }
            if let dx = x.day, let dy = y.day, x.month == dy, y.month == dx { return .dayMonthSwapped }
        }
        if abs(x.year - y.year) == 1 { return .yearWithinOne }
        if let dx = x.day, let dy = y.day, let mx = x.month, let my = y.month,
            OneTypo.apart(x.year * 10_000 + mx * 100 + dx, y.year * 10_000 + my * 100 + dy)
        {
            return .oneDigitApart
        }
        return .disagree
    }

    /// The level a pair at a level added later fell into before that level existed (`Comparison.level(_:_:known:)`).
    static func earlier(_ level: BirthDateLevel) -> BirthDateLevel? {
        level == .oneDigitApart ? .disagree : nil
    }
}
