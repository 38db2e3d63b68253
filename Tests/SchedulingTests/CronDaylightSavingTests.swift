import Foundation
import Scheduling
import Testing

/// In a zone with daylight-saving time the schedule matches instants whose wall-clock reading matches: a local
/// time skipped by spring-forward does not run that day; a local time repeated by fall-back runs at both
/// instants; schedules that repeat within the day keep their real-time cadence.
@Suite struct CronDaylightSavingTests {
    let zone = TestTime.newYork

    func slots(_ expression: String, after start: String, count: Int) throws -> [String] {
        try TestTime.slots(of: expression, after: TestTime.local(start, in: zone), count: count, in: zone)
    }

    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT; 02:00–02:59 does not exist.
    @Test func springForwardSkipsTheMissingTime() throws {
        #expect(try slots("30 2 * * *", after: "2026-03-07 12:00", count: 3)
            == ["2026-03-09 02:30 -04:00", "2026-03-10 02:30 -04:00", "2026-03-11 02:30 -04:00"])
        #expect(try slots("30 2 * * *", after: "2026-03-06 12:00", count: 1) == ["2026-03-07 02:30 -05:00"])
        #expect(try slots("30 2 8 3 *", after: "2026-03-01 00:00", count: 1) == ["2027-03-08 02:30 -05:00"])
        #expect(try slots("0 3 * * *", after: "2026-03-08 00:00", count: 1) == ["2026-03-08 03:00 -04:00"])
    }

    @Test func springForwardKeepsRealTimeCadence() throws {
        let texts = try slots("*/30 * * * *", after: "2026-03-08 01:00", count: 3)
        #expect(texts == ["2026-03-08 01:30 -05:00", "2026-03-08 03:00 -04:00", "2026-03-08 03:30 -04:00"])
        let cron = try CronExpression("*/30 * * * *", timeZone: zone)
        let first = try #require(cron.next(after: TestTime.local("2026-03-08 01:00", in: zone)))
        let second = try #require(cron.next(after: first))
        #expect(second.timeIntervalSince(first) == 1_800)
    }

    // 2026-11-01: clocks go from 02:00 EDT back to 01:00 EST; 01:00–01:59 happens twice.
    @Test func fallBackRunsARepeatedTimeAtBothInstants() throws {
        let cron = try CronExpression("30 1 * * *", timeZone: zone)
        let first = try #require(cron.next(after: TestTime.local("2026-11-01 00:00", in: zone)))
        let second = try #require(cron.next(after: first))
        let third = try #require(cron.next(after: second))
        #expect(first == TestTime.utc("2026-11-01T05:30:00Z"))
        #expect(second == TestTime.utc("2026-11-01T06:30:00Z"))
        #expect(TestTime.text(first, in: zone) == "2026-11-01 01:30 -04:00")
        #expect(TestTime.text(second, in: zone) == "2026-11-01 01:30 -05:00")
        #expect(TestTime.text(third, in: zone) == "2026-11-02 01:30 -05:00")
    }

    @Test func fallBackTimesOutsideTheRepeatedHourRunOnce() throws {
        #expect(try slots("0 2 * * *", after: "2026-10-31 12:00", count: 2) == ["2026-11-01 02:00 -05:00", "2026-11-02 02:00 -05:00"])
        #expect(try slots("0 0 * * *", after: "2026-10-31 12:00", count: 2) == ["2026-11-01 00:00 -04:00", "2026-11-02 00:00 -05:00"])
    }

    @Test func hourlyThroughFallBackIsHourlyInRealTime() throws {
        let cron = try CronExpression("@hourly", timeZone: zone)
        var cursor = TestTime.utc("2026-11-01T03:30:00Z")
        var instants: [Date] = []
        for _ in 0..<5 {
            cursor = try #require(cron.next(after: cursor))
            instants.append(cursor)
        }
        #expect(instants.map { TestTime.text($0, in: zone) }
            == ["2026-11-01 00:00 -04:00", "2026-11-01 01:00 -04:00", "2026-11-01 01:00 -05:00",
                "2026-11-01 02:00 -05:00", "2026-11-01 03:00 -05:00"])
        for (earlier, later) in zip(instants, instants.dropFirst()) { #expect(later.timeIntervalSince(earlier) == 3_600) }
    }

    @Test func startingInsideTheRepeatedHour() throws {
        // 01:45 EST, the second pass: 01:30 has gone by twice, the next is tomorrow's.
        let cron = try CronExpression("30 1 * * *", timeZone: zone)
        #expect(TestTime.text(cron.next(after: TestTime.utc("2026-11-01T06:45:00Z")), in: zone) == "2026-11-02 01:30 -05:00")
        // 01:45 EDT, the first pass: the second 01:30 is still ahead.
        #expect(TestTime.text(cron.next(after: TestTime.utc("2026-11-01T05:45:00Z")), in: zone) == "2026-11-01 01:30 -05:00")
    }

    @Test func halfHourShiftInLordHowe() throws {
        // Australia/Lord_Howe moves by 30 minutes: on 2026-10-04 02:00 becomes 02:30 (+10:30 → +11:00).
        let lordHowe = TimeZone(identifier: "Australia/Lord_Howe")!
        #expect(try TestTime.slots(of: "15 2 * * *", after: TestTime.local("2026-10-03 12:00", in: lordHowe), count: 2, in: lordHowe)
            == ["2026-10-05 02:15 +11:00", "2026-10-06 02:15 +11:00"])
        #expect(try TestTime.slots(of: "45 2 * * *", after: TestTime.local("2026-10-03 12:00", in: lordHowe), count: 1, in: lordHowe)
            == ["2026-10-04 02:45 +11:00"])
    }
}
