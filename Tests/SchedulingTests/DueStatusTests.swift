import Foundation
import Scheduling
import Testing

/// Missed-run arithmetic: downtime over many slots gives one run, covering the latest slot.
@Suite struct DueStatusTests {
    @Test func neverRunIsDueAtOnce() throws {
        let now = TestTime.local("2026-03-01 12:07")
        let interval = Schedule.interval(seconds: 900)
        #expect(interval.due(lastScheduled: nil, now: now) == DueStatus(slot: now, next: now.addingTimeInterval(900)))
        let cron = try Schedule.parse("*/15 * * * *")
        let status = cron.due(lastScheduled: nil, now: now)
        #expect(status.isDue)
        #expect(status.slot == now)
        #expect(status.next == TestTime.local("2026-03-01 12:15"))
    }

    @Test func intervalDownForTenSlotsRunsOnceForTheLatest() {
        let schedule = Schedule.interval(seconds: 900)
        let last = TestTime.local("2026-03-01 10:00")
        let now = last.addingTimeInterval(10 * 900 + 300)
        let status = schedule.due(lastScheduled: last, now: now)
        #expect(status.slot == last.addingTimeInterval(10 * 900))
        #expect(status.next == last.addingTimeInterval(11 * 900))
        // After that run the next check finds nothing due until the following slot.
        let after = schedule.due(lastScheduled: status.slot, now: now.addingTimeInterval(1))
        #expect(after == DueStatus(slot: nil, next: last.addingTimeInterval(11 * 900)))
    }

    @Test func intervalNotYetDue() {
        let schedule = Schedule.interval(seconds: 900)
        let last = TestTime.local("2026-03-01 10:00")
        #expect(schedule.due(lastScheduled: last, now: last.addingTimeInterval(899))
            == DueStatus(slot: nil, next: last.addingTimeInterval(900)))
        #expect(schedule.due(lastScheduled: last, now: last.addingTimeInterval(900))
            == DueStatus(slot: last.addingTimeInterval(900), next: last.addingTimeInterval(1_800)))
    }

    @Test func cronDownForTenSlotsRunsOnceForTheLatest() throws {
        let schedule = try Schedule.parse("*/15 * * * *")
        let status = schedule.due(lastScheduled: TestTime.local("2026-03-01 10:00"), now: TestTime.local("2026-03-01 12:37"))
        #expect(status.slot == TestTime.local("2026-03-01 12:30"))
        #expect(status.next == TestTime.local("2026-03-01 12:45"))
    }

    @Test func cronExactlyAtASlotIsDue() throws {
        let schedule = try Schedule.parse("*/15 * * * *")
        let status = schedule.due(lastScheduled: TestTime.local("2026-03-01 10:00"), now: TestTime.local("2026-03-01 10:15"))
        #expect(status == DueStatus(slot: TestTime.local("2026-03-01 10:15"), next: TestTime.local("2026-03-01 10:30")))
        let early = schedule.due(lastScheduled: TestTime.local("2026-03-01 10:00"), now: TestTime.local("2026-03-01 10:14"))
        #expect(early == DueStatus(slot: nil, next: TestTime.local("2026-03-01 10:15")))
    }

    @Test func dailyCronDownForTenDays() throws {
        let schedule = try Schedule.parse("0 2 * * *")
        let status = schedule.due(lastScheduled: TestTime.local("2026-03-01 02:00"), now: TestTime.local("2026-03-11 09:00"))
        #expect(status == DueStatus(slot: TestTime.local("2026-03-11 02:00"), next: TestTime.local("2026-03-12 02:00")))
    }

    @Test func clockGoingBackNeverRepeatsASlot() throws {
        let cron = try Schedule.parse("*/15 * * * *")
        let last = TestTime.local("2026-03-01 12:30")
        #expect(cron.due(lastScheduled: last, now: TestTime.local("2026-03-01 12:00"))
            == DueStatus(slot: nil, next: TestTime.local("2026-03-01 12:45")))
        let interval = Schedule.interval(seconds: 600)
        #expect(interval.due(lastScheduled: last, now: TestTime.local("2026-03-01 12:00"))
            == DueStatus(slot: nil, next: last.addingTimeInterval(600)))
        #expect(interval.due(lastScheduled: last, now: last) == DueStatus(slot: nil, next: last.addingTimeInterval(600)))
    }

    /// A scheduler loop that wakes at `next` but is down for a while: every run covers a later slot, no slot
    /// is run twice, and downtime costs one run.
    @Test func simulatedSchedulerWithDowntime() throws {
        for schedule in [try Schedule.parse("*/10 * * * *"), Schedule.interval(seconds: 600)] {
            var now = TestTime.local("2026-03-01 08:03")
            var last: Date?
            var runs: [Date] = []
            let downFrom = TestTime.local("2026-03-01 08:55")
            let downUntil = TestTime.local("2026-03-01 11:05")
            while now < TestTime.local("2026-03-01 12:00") {
                let status = schedule.due(lastScheduled: last, now: now)
                if let slot = status.slot {
                    #expect(last.map { slot > $0 } ?? true)
                    runs.append(slot)
                    last = slot
                }
                now = try #require(status.next)
                if now > downFrom, now < downUntil { now = downUntil }
            }
            // Cron: 08:03 (first run, due at once), 08:10…08:50, then 09:00…11:00 missed and coalesced into one
            // run for 11:00, then 11:10…11:50. Interval: 08:03, 08:13…08:53, one run for 11:03, 11:13…11:53.
            #expect(runs.count == 12, "\(schedule)")
            #expect(runs.filter { $0 > downFrom && $0 < downUntil }.count == 1, "\(schedule)")
        }
    }
}
