import Foundation

extension Schedule {
    /// Missed-run arithmetic: given the last slot that was run (`lastScheduled`, nil if the source never ran)
    /// and the current time, whether a run is due and when the next slot is.
    ///
    /// - A source that never ran is due at once; its run covers the slot `now`, which anchors an interval
    ///   schedule (the next slots are `now + k·seconds`) and is simply a time before the next match of a cron
    ///   expression.
    /// - Missed slots are coalesced: after downtime spanning many slots, one run is due, covering the latest
    ///   slot at or before `now`; the earlier missed slots are not run.
    /// - Interval slots are `lastScheduled + k·seconds`, so a late run does not shift later slots.
    /// - If `lastScheduled` is later than `now` (the clock went back), nothing is due until the first slot after
    ///   `lastScheduled`: slots are never run twice.
    public func due(lastScheduled: Date?, now: Date) -> DueStatus {
        guard let last = lastScheduled else {
            return DueStatus(slot: now, next: nextSlot(after: now, anchor: now))
        }
        guard last < now else { return DueStatus(slot: nil, next: nextSlot(after: last, anchor: last)) }
        return DueStatus(slot: latestSlot(after: last, atOrBefore: now), next: nextSlot(after: now, anchor: last))
    }

    /// The first slot strictly after `date`. Interval slots are `anchor + k·seconds` for `k ≥ 1` (the anchor
    /// being a slot already run, so a `date` before it gives `anchor + seconds`); cron slots ignore `anchor`.
    public func nextSlot(after date: Date, anchor: Date) -> Date? {
        switch self {
        case .cron(let expression):
            return expression.next(after: date)
        case .interval(let seconds):
            let length = Double(seconds)
            let elapsed = date.timeIntervalSince(anchor)
            let count = elapsed < 0 ? 1 : (elapsed / length).rounded(.down) + 1
            return anchor.addingTimeInterval(count * length)
        }
    }

    /// The latest slot in `(previous, upper]`, where `previous` is a slot already run (interval slots count
    /// from it), or nil when there is none.
    public func latestSlot(after previous: Date, atOrBefore upper: Date) -> Date? {
        guard previous < upper else { return nil }
        switch self {
        case .interval(let seconds):
            let count = (upper.timeIntervalSince(previous) / Double(seconds)).rounded(.down)
            return count >= 1 ? previous.addingTimeInterval(count * Double(seconds)) : nil
        case .cron(let expression):
            // Scan windows ending at `upper`, four times longer each time, so a dense schedule is found in a
            // short window and a sparse one in a few scans; the last window starts at `previous`.
            var window: TimeInterval = 60
            while true {
                let start = max(previous, upper.addingTimeInterval(-window))
                var latest: Date?
                var cursor = start
                while let slot = expression.next(after: cursor), slot <= upper {
                    latest = slot
                    cursor = slot
                }
                if latest != nil || start == previous { return latest }
                window *= 4
            }
        }
    }
}
