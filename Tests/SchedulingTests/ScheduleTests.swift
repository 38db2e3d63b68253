import Foundation
import Scheduling
import Testing

/// Parsing schedules as sources write them, and interval slots.
@Suite struct ScheduleTests {
    @Test func parsesCronMacrosAndIntervals() throws {
        #expect(try Schedule.parse("30 2 * * MON-FRI") == .cron(CronExpression("30 2 * * MON-FRI")))
        #expect(try Schedule.parse(" @daily ") == .cron(CronExpression("@daily")))
        #expect(try Schedule.parse("every 90s") == .interval(seconds: 90))
        #expect(try Schedule.parse("every 15m") == .interval(seconds: 900))
        #expect(try Schedule.parse("Every 36h") == .interval(seconds: 129_600))
        #expect(try Schedule.parse("EVERY 7d") == .interval(seconds: 604_800))
        #expect(try Schedule.parse("  every\t2w  ") == .interval(seconds: 1_209_600))
        #expect(try Schedule.parse("every 1h30m") == .interval(seconds: 5_400))
    }

    @Test func cronSchedulesUseTheGivenZone() throws {
        let newYork = try Schedule.parse("0 9 * * *", timeZone: TestTime.newYork)
        guard case .cron(let cron) = newYork else {
            Issue.record("not a cron schedule")
            return
        }
        #expect(cron.timeZone == TestTime.newYork)
        guard case .cron(let defaulted) = try Schedule.parse("0 9 * * *") else { return }
        #expect(defaulted.timeZone == CronExpression.defaultTimeZone)
    }

    @Test func everyAloneIsACronFieldErrorOnlyWhenNotAKeyword() throws {
        // A word starting with "every" that is not the keyword is read as cron and fails there.
        #expect(throws: ScheduleSyntaxError.self) { try Schedule.parse("everyday") }
        do {
            _ = try Schedule.parse("everyday")
        } catch {
            #expect(error.description.hasPrefix("schedule: 1 field;"))
        }
    }

    @Test func descriptionRoundTrips() throws {
        for text in ["every 1m30s", "every 15m", "every 1h30m", "every 2w", "every 1w1d1h1m1s", "@weekly", "0 0 13 * FRI"] {
            let schedule = try Schedule.parse(text)
            #expect(schedule.description == text)
            #expect(try Schedule.parse(schedule.description) == schedule)
        }
        #expect(Schedule.interval(seconds: 3_600).description == "every 1h")
        #expect(try Schedule.parse("every 90s").description == "every 1m30s")
    }

    @Test func intervalSlotsAreAnchored() {
        let schedule = Schedule.interval(seconds: 900)
        let anchor = TestTime.utc("2026-03-01T10:00:00Z")
        func next(_ time: String) -> Date? { schedule.nextSlot(after: TestTime.utc("2026-03-01T\(time)Z"), anchor: anchor) }
        func latest(_ time: String) -> Date? { schedule.latestSlot(after: anchor, atOrBefore: TestTime.utc("2026-03-01T\(time)Z")) }
        #expect(next("10:00:00") == TestTime.utc("2026-03-01T10:15:00Z"))
        #expect(next("10:14:59") == TestTime.utc("2026-03-01T10:15:00Z"))
        #expect(next("10:15:00") == TestTime.utc("2026-03-01T10:30:00Z"))
        #expect(next("13:07:00") == TestTime.utc("2026-03-01T13:15:00Z"))
        #expect(next("09:00:00") == TestTime.utc("2026-03-01T10:15:00Z"))
        #expect(latest("10:14:59") == nil)
        #expect(latest("10:15:00") == TestTime.utc("2026-03-01T10:15:00Z"))
        #expect(latest("13:07:00") == TestTime.utc("2026-03-01T13:00:00Z"))
    }

    @Test func cronLatestSlotFindsDenseAndSparseSchedules() throws {
        let now = TestTime.local("2026-03-01 12:00").addingTimeInterval(30)
        func latest(_ expression: String, after previous: String, atOrBefore upper: Date? = nil) throws -> String {
            let schedule = try Schedule.parse(expression)
            return TestTime.text(schedule.latestSlot(after: TestTime.local(previous), atOrBefore: upper ?? now))
        }
        #expect(try latest("* * * * *", after: "2026-01-01 00:00") == "2026-03-01 12:00 +07:00")
        #expect(try latest("0 0 * * *", after: "2026-01-01 00:00") == "2026-03-01 00:00 +07:00")
        // Only the slots after `previous` count.
        #expect(try latest("0 0 * * *", after: "2026-03-01 00:00") == "nil")
        #expect(try latest("0 0 29 2 *", after: "2024-02-29 00:00", atOrBefore: TestTime.local("2031-01-01 00:00"))
            == "2028-02-29 00:00 +07:00")
        #expect(try latest("0 0 30 2 *", after: "2020-01-01 00:00") == "nil")
    }
}
