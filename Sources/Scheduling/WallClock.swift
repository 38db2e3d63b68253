import Domain
import Foundation

/// Proleptic-Gregorian calendar arithmetic on whole seconds (days through `Domain.CivilCalendar`). "Local seconds"
/// are seconds since 1970-01-01 00:00 on a zone's wall clock, i.e. an instant plus the zone's UTC offset at that
/// instant. Integer arithmetic keeps `CronExpression.next(after:)` exact and fast; the tests cross-check it against
/// Foundation's `Calendar`.
enum WallClock {
    /// Seconds in a day.
    static let day = 86_400

    /// Whole seconds since 1970 at or before `date`, or nil for dates too far out to matter (or not finite).
    static func wholeSeconds(_ date: Date) -> Int? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 1e14 else { return nil }
        return Int(seconds)
    }

    /// Days in `month` of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        month == 12
            ? 31 : CivilCalendar.dayNumber(year: year, month: month + 1, day: 1) - CivilCalendar.dayNumber(year: year, month: month, day: 1)
    }

    /// Day of week of a day number, Sunday = 0 (1970-01-01 was a Thursday).
    static func weekday(dayNumber: Int) -> Int { floorModulo(dayNumber + 4, 7) }

    /// Local seconds at the start of a civil date and time.
    static func localSeconds(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) -> Int {
        CivilCalendar.dayNumber(year: year, month: month, day: day) * Self.day + hour * 3_600 + minute * 60
    }

    /// `value` modulo `divisor`, in `0..<divisor` even for negative values.
    static func floorModulo(_ value: Int, _ divisor: Int) -> Int { ((value % divisor) + divisor) % divisor }
}

/// A wall-clock reading broken into calendar fields.
struct LocalTime: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// Days since 1970-01-01.
    var dayNumber: Int
    /// Sunday = 0 … Saturday = 6.
    var weekday: Int

    /// The reading at `localSeconds` (seconds since 1970-01-01 00:00 on the wall clock).
    init(localSeconds: Int) {
        dayNumber = (localSeconds - WallClock.floorModulo(localSeconds, WallClock.day)) / WallClock.day
        let secondOfDay = localSeconds - dayNumber * WallClock.day
        (year, month, day) = CivilCalendar.date(dayNumber: dayNumber)
        hour = secondOfDay / 3_600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        weekday = WallClock.weekday(dayNumber: dayNumber)
    }

    /// Local seconds of this reading.
    var localSeconds: Int { dayNumber * WallClock.day + hour * 3_600 + minute * 60 + second }
}
