import Foundation
import Scheduling
import Testing

/// `next(after:)` on hand-checked cases, in the default zone (Asia/Ho_Chi_Minh, UTC+7).
@Suite struct CronNextTests {
    func slots(_ expression: String, after start: String, count: Int = 4) throws -> [String] {
        try TestTime.slots(of: expression, after: TestTime.local(start), count: count)
    }

    @Test func everyMinuteIsStrictlyAfter() throws {
        #expect(try slots("* * * * *", after: "2026-03-01 10:00", count: 2) == ["2026-03-01 10:01 +07:00", "2026-03-01 10:02 +07:00"])
        // Seconds past a matching minute: the next minute, not the current one.
        let cron = try CronExpression("* * * * *")
        let late = TestTime.local("2026-03-01 10:00").addingTimeInterval(59.9)
        #expect(cron.next(after: late) == TestTime.local("2026-03-01 10:01"))
        let early = TestTime.local("2026-03-01 10:00").addingTimeInterval(-0.5)
        #expect(cron.next(after: early) == TestTime.local("2026-03-01 10:00"))
    }

    @Test func stepsAndLists() throws {
        #expect(try slots("*/15 * * * *", after: "2026-03-01 10:07")
            == ["2026-03-01 10:15 +07:00", "2026-03-01 10:30 +07:00", "2026-03-01 10:45 +07:00", "2026-03-01 11:00 +07:00"])
        #expect(try slots("5,50 9-10 * * *", after: "2026-03-01 10:50")
            == ["2026-03-02 09:05 +07:00", "2026-03-02 09:50 +07:00", "2026-03-02 10:05 +07:00", "2026-03-02 10:50 +07:00"])
        #expect(try slots("0 */8 * * *", after: "2026-12-31 16:30", count: 3)
            == ["2027-01-01 00:00 +07:00", "2027-01-01 08:00 +07:00", "2027-01-01 16:00 +07:00"])
    }

    @Test func monthAndDayNames() throws {
        // 2026-03-02 is a Monday.
        #expect(try slots("30 2 * * MON-FRI", after: "2026-03-06 03:00", count: 2)
            == ["2026-03-09 02:30 +07:00", "2026-03-10 02:30 +07:00"])
        #expect(try slots("0 12 1 jan,JUL *", after: "2026-03-01 00:00", count: 3)
            == ["2026-07-01 12:00 +07:00", "2027-01-01 12:00 +07:00", "2027-07-01 12:00 +07:00"])
        #expect(try slots("0 0 * * sun", after: "2026-03-02 00:00", count: 2)
            == ["2026-03-08 00:00 +07:00", "2026-03-15 00:00 +07:00"])
    }

    @Test func vixieRuleEitherDayMatchesWhenBothAreRestricted() throws {
        // The 13th, or any Friday. March 2026: Fridays 6, 13, 20, 27.
        #expect(try slots("0 0 13 * FRI", after: "2026-03-01 00:00", count: 5)
            == ["2026-03-06 00:00 +07:00", "2026-03-13 00:00 +07:00", "2026-03-20 00:00 +07:00",
                "2026-03-27 00:00 +07:00", "2026-04-03 00:00 +07:00"])
        #expect(try slots("0 0 1,15 * MON", after: "2026-03-01 00:00", count: 4)
            == ["2026-03-02 00:00 +07:00", "2026-03-09 00:00 +07:00", "2026-03-15 00:00 +07:00", "2026-03-16 00:00 +07:00"])
    }

    @Test func bothDaysMustMatchWhenOneIsAWildcard() throws {
        // Day of month restricted, day of week `*`: only the 13th.
        #expect(try slots("0 0 13 * *", after: "2026-03-01 00:00", count: 2) == ["2026-03-13 00:00 +07:00", "2026-04-13 00:00 +07:00"])
        // Day of week restricted, day of month `*`: only Fridays.
        #expect(try slots("0 0 * * 5", after: "2026-03-07 00:00", count: 1) == ["2026-03-13 00:00 +07:00"])
        // `*/2` counts as a wildcard (Vixie cron, cronie): odd days that are also Fridays.
        #expect(try slots("0 0 */2 * FRI", after: "2026-03-01 00:00", count: 3)
            == ["2026-03-13 00:00 +07:00", "2026-03-27 00:00 +07:00", "2026-04-03 00:00 +07:00"])
    }

    @Test func february29() throws {
        let cron = try CronExpression("0 0 29 2 *")
        #expect(TestTime.text(cron.next(after: TestTime.local("2026-03-01 00:00"))) == "2028-02-29 00:00 +07:00")
        #expect(TestTime.text(cron.next(after: TestTime.local("2028-02-29 00:00"))) == "2032-02-29 00:00 +07:00")
        // 2100 is not a leap year: eight years from 2096 to 2104, still found.
        #expect(TestTime.text(cron.next(after: TestTime.local("2096-03-01 00:00"))) == "2104-02-29 00:00 +07:00")
    }

    @Test func impossibleDatesGiveNilQuickly() throws {
        let start = Date()
        for expression in ["0 0 30 2 *", "0 0 31 4,6,9,11 *", "* * 31 FEB *"] {
            #expect(try CronExpression(expression).next(after: TestTime.local("2026-03-01 00:00")) == nil, "\(expression)")
        }
        #expect(Date().timeIntervalSince(start) < 1)
        // The 31st exists in some months: skips the short ones.
        #expect(try slots("0 0 31 * *", after: "2026-01-31 00:00", count: 3)
            == ["2026-03-31 00:00 +07:00", "2026-05-31 00:00 +07:00", "2026-07-31 00:00 +07:00"])
    }

    @Test func yearRollover() throws {
        #expect(try slots("59 23 31 12 *", after: "2026-12-31 23:59", count: 1) == ["2027-12-31 23:59 +07:00"])
        #expect(try slots("0 0 1 1 *", after: "2026-12-31 23:59", count: 1) == ["2027-01-01 00:00 +07:00"])
    }

    @Test func matchesReadsTheWallClockMinute() throws {
        let cron = try CronExpression("30 9 * * MON")
        #expect(cron.matches(TestTime.local("2026-03-02 09:30").addingTimeInterval(42)))
        #expect(!cron.matches(TestTime.local("2026-03-02 09:31")))
        #expect(!cron.matches(TestTime.local("2026-03-03 09:30")))
        // 09:30 in Hanoi is 02:30 UTC.
        #expect(cron.matches(TestTime.utc("2026-03-02T02:30:00Z")))
    }

    @Test func otherZones() throws {
        let utc = try CronExpression("0 0 * * *", timeZone: TestTime.utcZone)
        #expect(utc.next(after: TestTime.utc("2026-03-01T10:00:00Z")) == TestTime.utc("2026-03-02T00:00:00Z"))
        let kathmandu = try CronExpression("0 0 * * *", timeZone: TimeZone(identifier: "Asia/Kathmandu")!)
        #expect(kathmandu.next(after: TestTime.utc("2026-03-01T10:00:00Z")) == TestTime.utc("2026-03-01T18:15:00Z"))
    }

    @Test func farFutureAndNonFiniteDatesDoNotTrap() throws {
        let cron = try CronExpression("* * * * *")
        #expect(cron.next(after: Date(timeIntervalSince1970: .infinity)) == nil)
        #expect(cron.next(after: Date(timeIntervalSince1970: .nan)) == nil)
        #expect(cron.next(after: .distantFuture) != nil)
        #expect(cron.next(after: .distantPast) != nil)
    }
}
