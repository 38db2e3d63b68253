import Foundation

/// A standard five-field cron expression — `minute hour day-of-month month day-of-week` — evaluated on the
/// wall clock of a time zone.
///
/// Each field is `*`, a value, a range `a-b`, a step `*/n` or `a-b/n`, or a comma-separated list of those.
/// Months may be written JAN–DEC and days of week SUN–SAT (any case); day of week 0 and 7 are both Sunday.
/// The macros `@hourly`, `@daily`, `@midnight`, `@weekly`, `@monthly`, `@yearly` and `@annually` stand for
/// `0 * * * *`, `0 0 * * *`, `0 0 * * *`, `0 0 * * 0`, `0 0 1 * *`, `0 0 1 1 *` and `0 0 1 1 *`.
///
/// Days follow Vixie cron: when both day of month and day of week are restricted, a day matches if *either*
/// matches (`0 0 13 * FRI` runs on every 13th and on every Friday); when one of them starts with `*`
/// (including `*/2`, as in Vixie cron and cronie), a day must match both.
///
/// Daylight-saving time: the schedule matches an *instant* when the zone's wall-clock reading at that instant
/// matches. So a wall time that does not exist on a spring-forward day (02:30 on 2026-03-08 in
/// America/New_York) is skipped that day, and a wall time that occurs twice on a fall-back day (01:30 on
/// 2026-11-01 in America/New_York) matches at both instants, an hour apart; `*/15 * * * *` keeps its
/// real-time cadence through either change. The default zone, Asia/Ho_Chi_Minh (UTC+7), has no DST.
///
/// Equality compares the text as written and the zone, so `@daily` and `0 0 * * *` are different values that
/// match the same minutes.
public struct CronExpression: Hashable, Sendable, CustomStringConvertible {
    /// The zone used when none is given: Asia/Ho_Chi_Minh (UTC+7, no daylight-saving time; a fixed UTC+7 zone
    /// when the system has no time-zone data).
    public static let defaultTimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3_600)!

    /// The macros and the five-field expressions they stand for.
    public static let macros: [String: String] = [
        "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
    ]

    /// The expression as written, without surrounding whitespace.
    public let text: String
    /// The zone whose wall clock the expression is evaluated on.
    public let timeZone: TimeZone
    /// Allowed values per field as bit masks (bit `v` ⇔ value `v`), indexed by `CronField.rawValue`; day of
    /// week uses bits 0–6 (Sunday = 0).
    let masks: [UInt64]
    /// Whether the day-of-month field starts with `*` (then days must match both day fields).
    let dayOfMonthIsWildcard: Bool
    /// Whether the day-of-week field starts with `*`.
    let dayOfWeekIsWildcard: Bool

    /// Parses `text`, a five-field expression or a macro, to be evaluated in `timeZone`.
    /// - Throws: `ScheduleSyntaxError` naming the field, the bad token and its 1-based column in `text`.
    public init(_ text: String, timeZone: TimeZone = CronExpression.defaultTimeZone) throws(ScheduleSyntaxError) {
        let characters = Array(text)
        let words = Self.words(of: characters)
        let trimmed = words.isEmpty ? "" : String(characters[words[0].lowerBound..<words[words.count - 1].upperBound])
        guard let first = words.first else {
            throw ScheduleSyntaxError(
                part: .expression, token: "", column: 1,
                reason: "empty expression; expected 5 fields (minute hour day-of-month month day-of-week), "
                    + "a macro such as @daily, or 'every DURATION'")
        }
        if characters[first.lowerBound] == "@" {
            let macro = String(characters[first])
            guard let expansion = Self.macros[macro.lowercased()] else {
                let known = "@hourly, @daily, @midnight, @weekly, @monthly, @yearly or @annually"
                throw ScheduleSyntaxError(
                    part: .expression, token: macro, column: first.lowerBound + 1,
                    reason: "unknown macro '\(macro)'; expected \(known)")
            }
            guard words.count == 1 else {
                let extra = String(characters[words[1]])
                throw ScheduleSyntaxError(
                    part: .expression, token: extra, column: words[1].lowerBound + 1,
                    reason: "unexpected '\(extra)' after \(macro); a macro stands alone")
            }
            let expanded = Array(expansion)
            let fields = Self.words(of: expanded).map { (Array(expanded[$0]), 1) }
            try self.init(fields: fields, text: trimmed, timeZone: timeZone)
            return
        }
        guard words.count == 5 else {
            let reason = "\(words.count) field\(words.count == 1 ? "" : "s"); a cron expression has 5 "
                + "(minute hour day-of-month month day-of-week)"
            if words.count > 5 {
                throw ScheduleSyntaxError(
                    part: .expression, token: String(characters[words[5]]), column: words[5].lowerBound + 1,
                    reason: reason)
            }
            throw ScheduleSyntaxError(
                part: .expression, token: "", column: words[words.count - 1].upperBound + 1, reason: reason)
        }
        let fields = words.map { (Array(characters[$0]), $0.lowerBound + 1) }
        try self.init(fields: fields, text: trimmed, timeZone: timeZone)
    }

    /// Five fields, each with the column where it starts.
    private init(fields: [([Character], Int)], text: String, timeZone: TimeZone) throws(ScheduleSyntaxError) {
        var masks: [UInt64] = []
        for field in CronField.allCases {
            let (characters, column) = fields[field.rawValue]
            masks.append(try CronFieldParser.mask(of: characters, field: field, column: column))
        }
        self.masks = masks
        self.text = text
        self.timeZone = timeZone
        dayOfMonthIsWildcard = fields[CronField.dayOfMonth.rawValue].0.first == "*"
        dayOfWeekIsWildcard = fields[CronField.dayOfWeek.rawValue].0.first == "*"
    }

    /// The index ranges of the whitespace-separated words of `characters`.
    private static func words(of characters: [Character]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for index in 0...characters.count {
            let isSpace = index == characters.count || characters[index].isWhitespace
            if isSpace, let begin = start {
                words.append(begin..<index)
                start = nil
            } else if !isSpace, start == nil {
                start = index
            }
        }
        return words
    }

    /// The expression as written.
    public var description: String { text }

    /// The values `field` allows, ascending (day of week: 0–6, Sunday = 0, with 7 folded into 0).
    public func allowedValues(_ field: CronField) -> [Int] {
        field.bounds.filter { allows($0, in: field) }
    }

    /// Whether the wall-clock minute containing `date`, read in `timeZone`, matches the expression.
    public func matches(_ date: Date) -> Bool {
        guard let seconds = WallClock.wholeSeconds(date) else { return false }
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
        let local = LocalTime(localSeconds: seconds + offset)
        return allows(local.minute, in: .minute) && allows(local.hour, in: .hour) && allows(local.month, in: .month)
            && dayMatches(day: local.day, weekday: local.weekday)
    }

    /// Whether `value` is allowed in `field`.
    func allows(_ value: Int, in field: CronField) -> Bool { masks[field.rawValue] & (1 << UInt64(value)) != 0 }

    /// The Vixie day rule: either day field may match when both are restricted, both must match otherwise.
    func dayMatches(day: Int, weekday: Int) -> Bool {
        let byDayOfMonth = allows(day, in: .dayOfMonth)
        let byDayOfWeek = allows(weekday, in: .dayOfWeek)
        if dayOfMonthIsWildcard || dayOfWeekIsWildcard { return byDayOfMonth && byDayOfWeek }
        return byDayOfMonth || byDayOfWeek
    }

    /// The smallest value allowed in `field` that is greater than `value`, if any.
    func nextAllowed(after value: Int, in field: CronField) -> Int? {
        guard value < 63 else { return nil }
        let above = masks[field.rawValue] & ~((UInt64(1) << UInt64(value + 1)) - 1)
        return above == 0 ? nil : above.trailingZeroBitCount
    }

    /// The smallest value allowed in `field`.
    func firstAllowed(in field: CronField) -> Int { masks[field.rawValue].trailingZeroBitCount }
}
