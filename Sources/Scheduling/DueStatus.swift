import Foundation

/// What a scheduler should do for one source at one moment: whether a run is due now, which scheduled slot
/// that run covers, and when the next slot after now is. Computed by `Schedule.due(lastScheduled:now:)`.
public struct DueStatus: Hashable, Sendable {
    /// The slot a run started now covers — the latest scheduled instant at or before now that has not been
    /// run — or nil when nothing is due. After the run, store it as the source's `lastScheduled`.
    public var slot: Date?
    /// The first slot strictly after now: when to look again. Nil only for a cron expression that matches
    /// nothing within `CronExpression.searchHorizonYears`.
    public var next: Date?

    /// A status with the given slot and next slot.
    public init(slot: Date?, next: Date?) {
        self.slot = slot
        self.next = next
    }

    /// Whether a run is due now.
    public var isDue: Bool { slot != nil }
}
