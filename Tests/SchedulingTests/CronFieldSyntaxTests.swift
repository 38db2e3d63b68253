import Foundation
import Scheduling
import Testing

/// Each field syntax parses to exactly the values it stands for.
@Suite struct CronFieldSyntaxTests {
    func values(_ text: String, _ field: CronField) throws -> [Int] {
        try CronExpression(text).allowedValues(field)
    }

    @Test func wildcardAllowsTheWholeRange() throws {
        let cron = try CronExpression("* * * * *")
        #expect(cron.allowedValues(.minute) == Array(0...59))
        #expect(cron.allowedValues(.hour) == Array(0...23))
        #expect(cron.allowedValues(.dayOfMonth) == Array(1...31))
        #expect(cron.allowedValues(.month) == Array(1...12))
        #expect(cron.allowedValues(.dayOfWeek) == Array(0...6))
    }

    @Test func singleValuesListsAndRanges() throws {
        #expect(try values("7 * * * *", .minute) == [7])
        #expect(try values("0,15,45 * * * *", .minute) == [0, 15, 45])
        #expect(try values("45,0,15,15 * * * *", .minute) == [0, 15, 45])
        #expect(try values("* 9-17 * * *", .hour) == Array(9...17))
        #expect(try values("* 1-3,20-22 * * *", .hour) == [1, 2, 3, 20, 21, 22])
        #expect(try values("* * 31 * *", .dayOfMonth) == [31])
        #expect(try values("* * 5-5 * *", .dayOfMonth) == [5])
    }

    @Test func steps() throws {
        #expect(try values("*/15 * * * *", .minute) == [0, 15, 30, 45])
        #expect(try values("*/7 * * * *", .minute) == [0, 7, 14, 21, 28, 35, 42, 49, 56])
        #expect(try values("10-40/10 * * * *", .minute) == [10, 20, 30, 40])
        #expect(try values("10-45/10 * * * *", .minute) == [10, 20, 30, 40])
        #expect(try values("* */6 * * *", .hour) == [0, 6, 12, 18])
        #expect(try values("* * */10 * *", .dayOfMonth) == [1, 11, 21, 31])
        #expect(try values("* * * */3 *", .month) == [1, 4, 7, 10])
        #expect(try values("0-10/5,30 * * * *", .minute) == [0, 5, 10, 30])
        #expect(try values("*/59 * * * *", .minute) == [0, 59])
    }

    @Test func monthNamesInAnyCase() throws {
        #expect(try values("* * * JAN *", .month) == [1])
        #expect(try values("* * * dec *", .month) == [12])
        #expect(try values("* * * Mar-May *", .month) == [3, 4, 5])
        #expect(try values("* * * JAN,jul,Oct *", .month) == [1, 7, 10])
        #expect(try values("* * * FEB-DEC/2 *", .month) == [2, 4, 6, 8, 10, 12])
        #expect(try values("* * * 1-MAR *", .month) == [1, 2, 3])
    }

    @Test func dayNamesInAnyCase() throws {
        #expect(try values("* * * * SUN", .dayOfWeek) == [0])
        #expect(try values("* * * * mon-fri", .dayOfWeek) == [1, 2, 3, 4, 5])
        #expect(try values("* * * * Sat,sun", .dayOfWeek) == [0, 6])
        #expect(try values("* * * * TUE-SAT/2", .dayOfWeek) == [2, 4, 6])
    }

    @Test func sundayIsZeroAndSeven() throws {
        #expect(try values("* * * * 0", .dayOfWeek) == [0])
        #expect(try values("* * * * 7", .dayOfWeek) == [0])
        #expect(try values("* * * * 5-7", .dayOfWeek) == [0, 5, 6])
        #expect(try values("* * * * 0-7", .dayOfWeek) == Array(0...6))
        #expect(try values("* * * * FRI-7", .dayOfWeek) == [0, 5, 6])
        // Same days, same schedule.
        let monday = TestTime.local("2026-03-02 00:00")
        #expect(try CronExpression("0 0 * * 7").next(after: monday) == CronExpression("0 0 * * 0").next(after: monday))
    }

    @Test(arguments: [
        ("@hourly", "0 * * * *"), ("@daily", "0 0 * * *"), ("@midnight", "0 0 * * *"), ("@weekly", "0 0 * * 0"),
        ("@monthly", "0 0 1 * *"), ("@yearly", "0 0 1 1 *"), ("@annually", "0 0 1 1 *"), ("@DAILY", "0 0 * * *"),
    ])
    func macrosStandForTheirExpressions(macro: String, expansion: String) throws {
        let fromMacro = try CronExpression(macro)
        let written = try CronExpression(expansion)
        for field in CronField.allCases {
            #expect(fromMacro.allowedValues(field) == written.allowedValues(field), "\(macro) \(field)")
        }
        var cursor = TestTime.local("2026-01-01 00:00")
        for _ in 0..<5 {
            let next = fromMacro.next(after: cursor)
            #expect(next == written.next(after: cursor), "\(macro)")
            guard let next else { break }
            cursor = next
        }
        #expect(fromMacro.text == macro)
    }

    @Test func whitespaceAroundAndBetweenFieldsIsIgnored() throws {
        let cron = try CronExpression("  5\t 4  *   *  1 ")
        #expect(cron.text == "5\t 4  *   *  1")
        #expect(cron.description == cron.text)
        #expect(cron.allowedValues(.minute) == [5])
        #expect(cron.allowedValues(.hour) == [4])
        #expect(cron.allowedValues(.dayOfWeek) == [1])
    }

    @Test func defaultZoneIsHoChiMinh() throws {
        let cron = try CronExpression("0 0 * * *")
        #expect(cron.timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(CronExpression.defaultTimeZone.secondsFromGMT(for: TestTime.utc("2026-07-01T00:00:00Z")) == 7 * 3_600)
        // Midnight in Hanoi is 17:00 UTC the day before.
        #expect(cron.next(after: TestTime.utc("2026-03-01T00:00:00Z")) == TestTime.utc("2026-03-01T17:00:00Z"))
    }
}
