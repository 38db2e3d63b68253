import Foundation

/// The scheduler's memory of one source, kept in the store so that a restart neither loses nor repeats runs.
public struct JobState: Hashable, Sendable, Codable {
    /// The source's name in the configuration.
    public var name: String
    /// Set by `lienthong jobs pause`: no scheduled or retried runs until resumed.
    public var paused: Bool
    /// RFC 3339 UTC of the latest scheduled slot that has been run (or given up on after its retries).
    public var lastSlot: String?
    /// Failed runs in a row for the current slot.
    public var failures: Int
    /// When the next retry of a failed slot is due (nil: no retry pending).
    public var retryAt: String?

    public init(name: String, paused: Bool = false, lastSlot: String? = nil, failures: Int = 0, retryAt: String? = nil) {
        self.name = name
        self.paused = paused
        self.lastSlot = lastSlot
        self.failures = failures
        self.retryAt = retryAt
    }
}

/// One recorded run of a source: a file, an export or a round that applied nothing.
public struct JobRun: Hashable, Sendable, Codable {
    public var id: Int64
    public var source: String
    /// running, succeeded, rejected, failed, unchanged, interrupted …
    public var status: String
    public var startedAt: String
    public var finishedAt: String?
    public var counts: RunCounts?
    public var error: String?

    public init(
        id: Int64, source: String, status: String, startedAt: String, finishedAt: String?, counts: RunCounts?, error: String?
    ) {
        self.id = id
        self.source = source
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.counts = counts
        self.error = error
    }
}

/// Reads of the scheduler's state and the run history.
public protocol JobReader {
    func jobState(name: String) throws -> JobState?
    /// Runs of a source, newest first (all sources when nil).
    func jobRuns(source: String?, limit: Int) throws -> [JobRun]
    /// The sources with a run still marked `running`.
    func runningJobSources() throws -> [String]
}

/// Writes of the scheduler's state.
public protocol JobWriter {
    func putJobState(_ state: JobState) throws
    /// Marks the runs of `source` still `running` as `interrupted` (the process that ran them is gone); returns how many.
    func interruptRunningJobs(source: String, at time: String) throws -> Int
}

/// A job claimed by this process: no other process using the store can claim it until `release` (or until this
/// process ends, however it ends).
public final class JobClaim: @unchecked Sendable {
    private var releasing: (() -> Void)?
    private let lock = NSLock()

    public init(release: @escaping () -> Void) {
        releasing = release
    }

    /// Gives the job back; later calls do nothing.
    public func release() {
        let action = lock.withLock { () -> (() -> Void)? in
            defer { releasing = nil }
            return releasing
        }
        action?()
    }

    deinit { releasing?() }
}
