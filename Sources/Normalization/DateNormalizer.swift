import Domain

/// Dates as Vietnamese registries write them, to `PartialDate` at the precision really known.
///
/// Accepted: `dd/MM/yyyy`, `d/M/yyyy`, `dd-MM-yyyy`, `dd.MM.yyyy`, `yyyy-MM-dd`, `yyyy/MM/dd`, `yyyyMMdd`,
/// `d/M/yy`, `MM/yyyy`, `yyyy-MM`, `yyyy`, Excel serial numbers, the long form "ngày 9 tháng 3 năm 1987",
/// and any of these followed by a time of day (`T08:30:00`, ` 00:00:00`).
///
/// Rules and findings (rule names are stable):
/// - `date.empty` (warning): nothing but spaces.
/// - `date.unrecognized` (error): not one of the forms above.
/// - `date.impossible` (error, no value): the message gives the reason (`day 31 does not exist in 2/1990`,
///   `month 13`, `year 0`).
/// - `date.placeholder` (warning): `00/00/yyyy` and `00/yyyy` → year precision; `00/MM/yyyy` → month precision;
///   `01/01/yyyy` → **year** precision, because registries write 01/01 for "day and month unknown", and a
///   placeholder day must never compare as an exact day; `00/00/0000` → no value.
/// - `date.sentinel` (warning, no value): `01/01/1900`, the "no date" value of many databases.
/// - `date.day_month_swapped` (warning): in `.auto`, a month slot of 13 or more with a day slot of 12 or less
///   is read the other way round (`03/25/1990` → 1990-03-25).
/// - `date.two_digit_year` (warning): `yy` 00–29 is read as 2000–2029, 30–99 as 1930–1999 (the spreadsheet
///   convention; `twoDigitYearPivot`).
/// - `date.excel_serial` (info): five digits (optionally `.0`) are days since 1899-12-30, the epoch that makes
///   Excel's serials right from 1 March 1900 on (`32874` → 1990-01-01).
/// - `date.compact_day_first` (warning): eight digits that are not `yyyyMMdd` but are `ddMMyyyy`.
/// - `date.time_ignored` (info): a time of day other than midnight was dropped.
public enum DateNormalizer {
    /// Which slot holds the day when the text does not say: `.auto` reads day first (the Vietnamese order)
    /// and swaps an impossible month with the day (finding `date.day_month_swapped`); the explicit orders
    /// never swap. A four-digit year is recognised wherever it stands.
    public enum FieldOrder: String, Sendable { case auto, dayMonthYear, monthDayYear, yearMonthDay }

    /// Two-digit years up to this value are read as 20yy, the others as 19yy.
    public static let twoDigitYearPivot = 29

    /// Parses `raw`; see the type's documentation for the forms, the rules and the findings.
    public static func normalize(_ raw: String, order: FieldOrder = .auto) -> Normalized<PartialDate> {
        let blank = raw.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        if blank || (!VietnameseOrthography.isASCII(raw) && VietnameseOrthography.canonicalText(raw).isEmpty) {
            return Normalized(nil, findings: [Finding(rule: "date.empty", severity: .warning, message: "the date is empty")])
        }
        guard let text = DateText(raw) else { return unrecognized() }
        var findings: [Finding] = []
        if !text.timeIsMidnight, let time = text.time {
            findings.append(
                Finding(rule: "date.time_ignored", severity: .info, message: "the time of day '\(time)' was dropped"))
        }
        let parts = text.parts
        var result: Normalized<PartialDate>
        switch parts.count {
        case 1: result = single(parts[0], order: order)
        case 2: result = pair(parts[0], parts[1], separator: text.separators[0])
        case 3: result = triple(parts, order: order)
        default: result = unrecognized()
        }
        result.findings.insert(contentsOf: findings, at: 0)
        return result
    }

    // MARK: - Shapes

    /// `yyyy`, `yyyyMMdd` / `ddMMyyyy`, or an Excel serial.
    private static func single(_ part: DateText.Part, order: FieldOrder) -> Normalized<PartialDate> {
        switch part.length {
        case 4:
            return resolve(day: nil, month: nil, year: part.value)
        case 5:
            return excelSerial(part.value)
        case 8:
            let first4 = part.value / 10_000, last4 = part.value % 10_000
            let yearFirst = (year: first4, month: last4 / 100, day: last4 % 100)
            let dayFirst = (year: last4, month: (part.value / 10_000) % 100, day: part.value / 1_000_000)
            switch order {
            case .dayMonthYear: return resolve(day: dayFirst.day, month: dayFirst.month, year: dayFirst.year)
            case .monthDayYear: return resolve(day: dayFirst.month, month: dayFirst.day, year: dayFirst.year)
            case .yearMonthDay: return resolve(day: yearFirst.day, month: yearFirst.month, year: yearFirst.year)
            case .auto:
                if first4 >= 1000 || last4 < 1000 {
                    return resolve(day: yearFirst.day, month: yearFirst.month, year: yearFirst.year)
                }
                var result = resolve(day: dayFirst.day, month: dayFirst.month, year: dayFirst.year)
                result.findings.insert(
                    Finding(
                        rule: "date.compact_day_first", severity: .warning,
                        message: "eight digits read as ddMMyyyy because they are not a yyyyMMdd date"), at: 0)
                return result
            }
        default:
            return unrecognized()
        }
    }

    /// `MM/yyyy`, `yyyy-MM`, or an Excel serial written with a decimal part (`32874.0`).
    private static func pair(_ first: DateText.Part, _ second: DateText.Part, separator: UInt8) -> Normalized<PartialDate> {
        if first.length == 5, separator == UInt8(ascii: "."), second.value == 0 {
            return excelSerial(first.value)
        }
        if first.length == 4, second.length <= 2 {
            return resolve(day: nil, month: second.value, year: first.value)
        }
        if second.length == 4, first.length <= 2 {
            return resolve(day: nil, month: first.value, year: second.value)
        }
        return unrecognized()
    }

    /// Day, month and year in some order.
    private static func triple(_ parts: [DateText.Part], order: FieldOrder) -> Normalized<PartialDate> {
        guard parts.allSatisfy({ $0.length <= 2 || $0.length == 4 }) else { return unrecognized() }
        var findings: [Finding] = []
        let yearFirst: Bool
        if parts[0].length == 4 {
            guard parts[1].length <= 2, parts[2].length <= 2 else { return unrecognized() }
            yearFirst = true
        } else if parts[2].length == 4 {
            yearFirst = false
        } else if parts[2].length <= 2 && parts[0].length <= 2 {
            yearFirst = order == .yearMonthDay
        } else {
            return unrecognized()
        }
        let yearPart = yearFirst ? parts[0] : parts[2]
        var year = yearPart.value
        if yearPart.length <= 2 {
            year = yearPart.value <= twoDigitYearPivot ? 2000 + yearPart.value : 1900 + yearPart.value
            findings.append(
                Finding(
                    rule: "date.two_digit_year", severity: .warning,
                    message: "two-digit year '\(yearPart.value)' read as \(year)"))
        }
        var day: Int, month: Int
        if yearFirst {
            (month, day) = (parts[1].value, parts[2].value)
        } else if order == .monthDayYear {
            (month, day) = (parts[0].value, parts[1].value)
        } else {
            (day, month) = (parts[0].value, parts[1].value)
        }
        if order == .auto, month > 12, (1...12).contains(day) {
            findings.append(
                Finding(
                    rule: "date.day_month_swapped", severity: .warning,
                    message: "month \(month) is impossible; day and month were swapped"))
            (day, month) = (month, day)
        }
        var result = resolve(day: day, month: month, year: year)
        result.findings.insert(contentsOf: findings, at: 0)
        return result
    }

    // MARK: - Values

    /// Applies the placeholder, sentinel and validity rules to parsed numbers.
    static func resolve(day: Int?, month: Int?, year: Int) -> Normalized<PartialDate> {
        if year == 0 {
            if (day ?? 0) == 0 && (month ?? 0) == 0 {
                return Normalized(nil, findings: [placeholder("the date is all zeros: no date is known")])
            }
            return impossible("year 0")
        }
        guard (1000...9999).contains(year) else { return impossible("year \(year)") }
        guard let month else { return Normalized(PartialDate(year: year)) }
        if month == 0 {
            let message = (day ?? 0) == 0 ? "month 00: year precision" : "month 00 with a day: only the year is kept"
            return Normalized(PartialDate(year: year), findings: [placeholder(message)])
        }
        guard (1...12).contains(month) else { return impossible("month \(month)") }
        guard let day else { return Normalized(PartialDate(year: year, month: month)) }
        if day == 0 {
            return Normalized(PartialDate(year: year, month: month), findings: [placeholder("day 00: month precision")])
        }
        if day == 1 && month == 1 {
            if year == 1900 {
                return Normalized(
                    nil,
                    findings: [
                        Finding(
                            rule: "date.sentinel", severity: .warning,
                            message: "01/01/1900 is the 'no date' value of many databases")
                    ])
            }
            return Normalized(
                PartialDate(year: year),
                findings: [placeholder("01/01 stands for an unknown day and month: year precision")])
        }
        guard let date = PartialDate(year: year, month: month, day: day) else {
            return impossible("day \(day) does not exist in \(month)/\(year)")
        }
        return Normalized(date)
    }

    /// Days since 1899-12-30 (serial 1 = 1899-12-31; right for every serial from 61 = 1900-03-01 on).
    static func excelSerial(_ serial: Int) -> Normalized<PartialDate> {
        let (year, month, day) = CivilCalendar.date(dayNumber: serial - 25_569)
        var result = resolve(day: day, month: month, year: year)
        result.findings.insert(
            Finding(
                rule: "date.excel_serial", severity: .info,
                message: "spreadsheet serial \(serial) read as days since 1899-12-30"), at: 0)
        return result
    }

    private static func placeholder(_ message: String) -> Finding {
        Finding(rule: "date.placeholder", severity: .warning, message: message)
    }

    private static func impossible(_ reason: String) -> Normalized<PartialDate> {
        Normalized(nil, findings: [Finding(rule: "date.impossible", severity: .error, message: "impossible date: \(reason)")])
    }

    private static func unrecognized() -> Normalized<PartialDate> {
        Normalized(nil, findings: [Finding(rule: "date.unrecognized", severity: .error, message: "not a recognised date form")])
    }
}
