import Foundation

extension CronExpression {
    /// How far ahead `next(after:)` looks before giving up: 8 years, the longest gap between two
    /// 29 Februaries (2096 → 2104), so `0 0 29 2 *` is always found and `0 0 30 2 *` returns nil quickly.
    public static let searchHorizonYears = 8

    /// The first instant strictly after `date` whose wall-clock minute in `timeZone` matches, or nil when
    /// nothing matches within `searchHorizonYears` (an expression such as `0 0 30 2 *` never matches).
    ///
    /// The search jumps field by field (to the next allowed month, day, hour, minute) on the wall clock and
    /// never past a change of the zone's UTC offset, where it re-reads the wall clock: local times skipped by
    /// a spring-forward change are never produced, and both passes through a repeated fall-back hour are
    /// visited in order. It takes a few dozen steps at most, and always terminates.
    public func next(after date: Date) -> Date? {
        guard let start = WallClock.wholeSeconds(date) else { return nil }
        let limit = start + Self.searchHorizonYears * 366 * WallClock.day
        var offsets = OffsetTracker(timeZone: timeZone)
        // The first wall-clock minute boundary after `start`; the loop realigns if the zone's offset has seconds.
        var instant = start + 60 - WallClock.floorModulo(start + offsets.offset(at: start), 60)
        var steps = 0
        while instant <= limit, steps < 100_000 {
            steps += 1
            let local = LocalTime(localSeconds: instant + offsets.offset(at: instant))
            guard let target = jumpTarget(from: local) else { return Date(timeIntervalSince1970: Double(instant)) }
            // Every wall-clock minute from `local` up to `target` fails to match; move there, but stop at the next
            // offset change, after which the wall clock reads differently.
            var nextInstant = instant + (target - local.localSeconds)
            if let change = offsets.nextChange(after: instant), change < nextInstant { nextInstant = change }
            instant = nextInstant
        }
        return nil
    }

    /// Nil when `local` (at a whole minute) matches; otherwise the local seconds of the next wall-clock time that
    /// could match, judged field by field from the month down — always later than `local`.
    private func jumpTarget(from local: LocalTime) -> Int? {
        if local.second != 0 { return local.localSeconds + 60 - local.second }
        if !allows(local.month, in: .month) { return startOfNextAllowedMonth(after: local) }
        if !dayMatches(day: local.day, weekday: local.weekday) {
            let lastDay = WallClock.daysInMonth(year: local.year, month: local.month)
            if local.day < lastDay {
                for day in (local.day + 1)...lastDay
                where dayMatches(day: day, weekday: (local.weekday + day - local.day) % 7) {
                    return WallClock.localSeconds(year: local.year, month: local.month, day: day)
                }
            }
            return startOfNextAllowedMonth(after: local)
        }
        let startOfDay = local.dayNumber * WallClock.day
        if !allows(local.hour, in: .hour) {
            guard let hour = nextAllowed(after: local.hour, in: .hour) else { return startOfDay + WallClock.day }
            return startOfDay + hour * 3_600 + firstAllowed(in: .minute) * 60
        }
        if !allows(local.minute, in: .minute) {
            if let minute = nextAllowed(after: local.minute, in: .minute) {
                return startOfDay + local.hour * 3_600 + minute * 60
            }
            guard let hour = nextAllowed(after: local.hour, in: .hour) else { return startOfDay + WallClock.day }
            return startOfDay + hour * 3_600 + firstAllowed(in: .minute) * 60
        }
        return nil
    }

    /// Local seconds at 00:00 on day 1 of the next allowed month after `local`'s month.
    private func startOfNextAllowedMonth(after local: LocalTime) -> Int {
        if let month = nextAllowed(after: local.month, in: .month) {
            return WallClock.localSeconds(year: local.year, month: month, day: 1)
        }
        return WallClock.localSeconds(year: local.year + 1, month: firstAllowed(in: .month), day: 1)
    }
}

/// A zone's UTC offset over time, remembering the next offset change so that a forward scan asks the zone only
/// when it crosses one.
struct OffsetTracker {
    let timeZone: TimeZone
    /// The next change after the last instant asked about, with the instant it was computed from.
    private var cachedChange: (from: Int, at: Int?)?

    init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// The zone's UTC offset in seconds at `instant`.
    func offset(at instant: Int) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))) }

    /// The first instant after `instant` at which the zone's offset changes, if any (asked for increasing instants).
    mutating func nextChange(after instant: Int) -> Int? {
        if let cached = cachedChange, cached.from <= instant, cached.at.map({ instant < $0 }) ?? true {
            return cached.at
        }
        let change = timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: Double(instant)))
            .flatMap(WallClock.wholeSeconds)
            .flatMap { $0 > instant ? $0 : nil }
        cachedChange = (instant, change)
        return change
    }
}
