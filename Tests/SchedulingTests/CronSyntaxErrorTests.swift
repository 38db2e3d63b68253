import Foundation
import Scheduling
import Testing

private let shape = "5 fields (minute hour day-of-month month day-of-week)"
private let fieldList = "5 (minute hour day-of-month month day-of-week)"
private let macros = "@hourly, @daily, @midnight, @weekly, @monthly, @yearly or @annually"

/// Every way a schedule can be malformed gives a message naming the part, the bad token and its column.
@Suite struct CronSyntaxErrorTests {
    @Test(arguments: [
        // Whole-expression errors.
        ("", "schedule: empty expression; expected \(shape), a macro such as @daily, or 'every DURATION' (column 1)", ""),
        ("   ", "schedule: empty expression; expected \(shape), a macro such as @daily, or 'every DURATION' (column 1)", ""),
        ("0 0 * *", "schedule: 4 fields; a cron expression has \(fieldList) (column 8)", ""),
        ("  0 0 * *  ", "schedule: 4 fields; a cron expression has \(fieldList) (column 10)", ""),
        ("0", "schedule: 1 field; a cron expression has \(fieldList) (column 2)", ""),
        ("0 0 * * * 2026", "schedule: 6 fields; a cron expression has \(fieldList) (column 11)", "2026"),
        ("@reboot", "schedule: unknown macro '@reboot'; expected \(macros) (column 1)", "@reboot"),
        (" @daily 5", "schedule: unexpected '5' after @daily; a macro stands alone (column 9)", "5"),
        // Values out of range.
        ("60 * * * *", "minute field: 60 is out of range 0–59 (column 1)", "60"),
        ("61 * * * *", "minute field: 61 is out of range 0–59 (column 1)", "61"),
        ("0 24 * * *", "hour field: 24 is out of range 0–23 (column 3)", "24"),
        ("0 0 0 * *", "day-of-month field: 0 is out of range 1–31 (column 5)", "0"),
        ("0 0 32 * *", "day-of-month field: 32 is out of range 1–31 (column 5)", "32"),
        ("0 0 * 13 *", "month field: 13 is out of range 1–12 (column 7)", "13"),
        ("0 0 * * 8", "day-of-week field: 8 is out of range 0–7 (column 9)", "8"),
        ("1-99999999999999999999 * * * *", "minute field: 99999999999999999999 is out of range 0–59 (column 3)",
         "99999999999999999999"),
        // Steps.
        ("*/0 * * * *", "minute field: step 0 must be at least 1 (column 3)", "0"),
        ("0 0-12/0 * * *", "hour field: step 0 must be at least 1 (column 8)", "0"),
        ("*/60 * * * *", "minute field: step 60 is larger than 59, the field's largest value (column 3)", "60"),
        ("*/ * * * *", "minute field: missing step after '/' in '*/' (column 3)", ""),
        ("*/x * * * *", "minute field: unexpected character 'x' in '*/x' (column 3)", "x"),
        ("5/10 * * * *", "minute field: a step needs a range or '*' before it, as in 5-59/10 or */10 (column 1)",
         "5/10"),
        // Ranges.
        ("0 5-2 * * *", "hour field: range 5-2 runs backwards; write the smaller value first (column 3)", "5-2"),
        ("0 0 * * FRI-MON", "day-of-week field: range FRI-MON runs backwards; write the smaller value first (column 9)",
         "FRI-MON"),
        ("1- * * * *", "minute field: missing value after '-' in '1-' (column 3)", ""),
        ("-5 * * * *", "minute field: unexpected character '-' in '-5' (column 1)", "-"),
        // Names.
        ("0 0 1 JANX *", "month field: unknown month name 'JANX'; expected JAN–DEC (column 7)", "JANX"),
        ("0 0 * * MON-FRX", "day-of-week field: unknown day-of-week name 'FRX'; expected SUN–SAT (column 13)", "FRX"),
        ("0 0 * * JAN", "day-of-week field: unknown day-of-week name 'JAN'; expected SUN–SAT (column 9)", "JAN"),
        ("0 MON * * *", "hour field: 'MON' is not a number in 0–23 (column 3)", "MON"),
        // Stray characters.
        ("5x * * * *", "minute field: unexpected character 'x' in '5x' (column 2)", "x"),
        ("0 0 ? * *", "day-of-month field: unexpected character '?' in '?' (column 5)", "?"),
        ("0 0 * * 1–5", "day-of-week field: unexpected character '–' in '1–5' (column 10)", "–"),
        ("0 0 * * JAN5", "day-of-week field: unknown day-of-week name 'JAN'; expected SUN–SAT (column 9)", "JAN"),
        ("0 0 * * MON5", "day-of-week field: unexpected character '5' in 'MON5' (column 12)", "5"),
        ("1,,2 * * * *", "minute field: empty item in the list '1,,2' (column 3)", ""),
        ("1, * * * *", "minute field: empty item in the list '1,' (column 3)", ""),
        ("0 0 L * *", "day-of-month field: 'L' is not a number in 1–31 (column 5)", "L"),
    ])
    func cronErrors(text: String, message: String, token: String) {
        #expect(throws: ScheduleSyntaxError.self) { try CronExpression(text) }
        do {
            _ = try CronExpression(text)
        } catch {
            #expect(error.description == message, "\(text)")
            #expect(error.token == token, "\(text)")
        }
    }

    @Test func errorCarriesPartAndColumnSeparately() {
        do {
            _ = try Schedule.parse("0 0 * 13 *")
            Issue.record("13 is not a month")
        } catch {
            #expect(error.part == .field(.month))
            #expect(error.column == 7)
            #expect(error.token == "13")
            #expect(error.reason == "13 is out of range 1–12")
        }
    }

    @Test(arguments: [
        ("every", "interval: missing duration after 'every'; write e.g. every 15m or every 1h30m (column 6)", ""),
        ("  every  ", "interval: missing duration after 'every'; write e.g. every 15m or every 1h30m (column 8)", ""),
        ("every 5x", "interval: '5x' is not a duration such as 90s, 15m, 36h, 7d, 2w or 1h30m (column 7)", "5x"),
        ("every 0s", "interval: '0s' is not a duration such as 90s, 15m, 36h, 7d, 2w or 1h30m (column 7)", "0s"),
        ("every  1h 30m", "interval: '1h 30m' is not a duration such as 90s, 15m, 36h, 7d, 2w or 1h30m (column 8)",
         "1h 30m"),
        ("every 15", "interval: '15' is not a duration such as 90s, 15m, 36h, 7d, 2w or 1h30m (column 7)", "15"),
    ])
    func intervalErrors(text: String, message: String, token: String) {
        do {
            let schedule = try Schedule.parse(text)
            Issue.record("\(text) parsed as \(schedule)")
        } catch {
            #expect(error.description == message, "\(text)")
            #expect(error.token == token, "\(text)")
        }
    }
}
