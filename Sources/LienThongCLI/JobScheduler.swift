import Domain
import Foundation
import Reference
import Resolution
import Scheduling
import Storage

/// Runs the configured sources on their schedules, one job at a time, from one `BackgroundLoop` thread.
///
/// Per source, the store keeps the last scheduled slot that ran (`job_states.last_slot`), written only after the
/// run ends: a slot missed during downtime runs once at start (several missed slots coalesce into one run), and a
/// run cut short by a crash runs again. A failed run (an export that cannot be fetched, an unreadable file, a
/// store error) is retried with exponential back-off and full jitter, `retry.attempts` times; then the slot is
/// given up and the next one waits its turn. Paused sources (`lienthong jobs pause`) are skipped.
final class JobScheduler: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [SourceConfiguration]
    private var settings: ResolverSettings
    private var running: String?
    let store: any Store
    let reference: ReferenceData
    let metrics: DaemonMetrics?
    /// Set on SIGTERM: the job in progress rolls its current input back and no new job starts.
    let cancellation = CancellationFlag()

    init(sources: [SourceConfiguration], settings: ResolverSettings, store: any Store, reference: ReferenceData, metrics: DaemonMetrics?) {
        self.sources = sources
        self.settings = settings
        self.store = store
        self.reference = reference
        self.metrics = metrics
    }

    /// The source whose job is running now, if any.
    var runningSource: String? { lock.withLock { running } }

    /// Replaces the sources and resolver settings (SIGHUP): takes effect from the next pass; a job in progress
    /// finishes with the configuration it started with.
    func reconfigure(sources: [SourceConfiguration], settings: ResolverSettings) {
        lock.withLock {
            self.sources = sources
            self.settings = settings
        }
    }

    /// Marks runs left `running` by a process that is gone as `interrupted`; call once at start. A run whose job
    /// another daemon on the same store still holds is left alone.
    func recoverInterruptedRuns() throws {
        var count = 0
        for source in try store.read({ try $0.runningJobSources() }) {
            guard let claim = try store.claimJob(source) else { continue }
            defer { claim.release() }
            count += try store.write { try $0.interruptRunningJobs(source: source, at: Clock.now()) }
        }
        if count > 0 {
            ServiceLog.write(.warn, "interrupted runs recovered", [("runs", .int(Int64(count)))])
        }
    }

    /// One pass: runs the first due source (in configuration order) and returns true, or false when none is due.
    func pass(now: Date = Date()) -> Bool {
        guard !cancellation.isSet else { return false }
        let (sources, settings) = lock.withLock { (self.sources, self.settings) }
        for source in sources {
            do {
                let seen = try store.read { try $0.jobState(name: source.name) } ?? JobState(name: source.name)
                guard dueSlot(source, seen, now: now) != nil else { continue }
                // Several daemons on one store: the one that claims the job runs it; the others pass. Under the claim
                // the state is read again, as the daemon that held it before may have just run this slot.
                guard let claim = try SourceClaim.claim(SourceClaim.names(of: source), in: store) else { continue }
                defer { claim.release() }
                let state = try store.read { try $0.jobState(name: source.name) } ?? JobState(name: source.name)
                guard let slot = dueSlot(source, state, now: now) else { continue }
                try run(source, slot: slot, state: state, settings: settings)
                return true
            } catch {
                ServiceLog.write(.error, "scheduler error", [("source", .text(source.name)), ("error", .text("\(error)"))])
            }
        }
        return false
    }

    /// The slot a run now would cover, or nil when the source is paused, backing off or not due.
    func dueSlot(_ source: SourceConfiguration, _ state: JobState, now: Date) -> Date? {
        guard !state.paused else { return nil }
        if let retryAt = state.retryAt, let time = Clock.date(retryAt), time > now { return nil }
        let last = state.lastSlot.flatMap(Clock.date)
        // A failed slot is not recorded as run, so its retry is due as the latest slot since the last one run.
        return source.schedule.due(lastScheduled: last, now: now).slot
    }

    private func run(_ source: SourceConfiguration, slot: Date, state: JobState, settings: ResolverSettings) throws {
        lock.withLock { running = source.name }
        defer { lock.withLock { running = nil } }
        let started = Date()
        ServiceLog.write(.info, "job started", [("source", .text(source.name)), ("slot", .text(Clock.text(slot)))])
        let resolver = try store.read { try Resolver.loading(settings: settings, map: reference, from: $0) }
        let outcome = SourceJob(source: source, store: store, reference: reference, resolver: resolver, cancellation: cancellation).run()
        let seconds = Date().timeIntervalSince(started)
        var next = state
        switch outcome {
        case .succeeded(let counts, let inputs, let rejected):
            next.lastSlot = Clock.text(slot)
            next.failures = 0
            next.retryAt = nil
            metrics?.recordJob(source: source.name, outcome: "succeeded", seconds: seconds, counts: counts)
            ServiceLog.write(
                .info, "job finished",
                [
                    ("source", .text(source.name)), ("inputs", .int(Int64(inputs))), ("rejected_inputs", .int(Int64(rejected))),
                    ("read", .int(Int64(counts.read))), ("staged", .int(Int64(counts.staged))),
                    ("quarantined", .int(Int64(counts.quarantined))), ("changed", .int(Int64(counts.mentionsChanged))),
                    ("feed_events", .int(Int64(counts.feedEvents))), ("seconds", .double(seconds)),
                ])
        case .waiting(let counts, let reason):
            // Not a failure: look again after the retry base, same slot.
            next.retryAt = Clock.text(Date().addingTimeInterval(source.retryBase))
            metrics?.recordJob(source: source.name, outcome: "waiting", seconds: seconds, counts: counts)
            ServiceLog.write(.info, "job waiting for input to settle", [("source", .text(source.name)), ("reason", .text(reason))])
        case .cancelled:
            metrics?.recordJob(source: source.name, outcome: "cancelled", seconds: seconds, counts: RunCounts())
            ServiceLog.write(.warn, "job cancelled", [("source", .text(source.name)), ("seconds", .double(seconds))])
            return
        case .failed(let reason):
            metrics?.recordJob(source: source.name, outcome: "failed", seconds: seconds, counts: RunCounts())
            next.failures += 1
            if next.failures > source.retries {
                ServiceLog.write(
                    .error, "job failed; giving up this slot",
                    [("source", .text(source.name)), ("attempts", .int(Int64(next.failures))), ("error", .text(reason))])
                next.lastSlot = Clock.text(slot)
                next.failures = 0
                next.retryAt = nil
            } else {
                var generator = SystemRandomNumberGenerator()
                let wait = max(1, Backoff(base: source.retryBase, cap: source.retryCap).delay(attempt: next.failures, using: &generator))
                next.retryAt = Clock.text(Date().addingTimeInterval(wait))
                ServiceLog.write(
                    .warn, "job failed; will retry",
                    [
                        ("source", .text(source.name)), ("attempt", .int(Int64(next.failures))), ("retry_in_s", .double(wait)),
                        ("error", .text(reason)),
                    ])
            }
        }
        // Re-read: `jobs pause` may have been given while the job ran.
        try store.write { transaction in
            let current = try transaction.jobState(name: source.name)
            next.paused = current?.paused ?? next.paused
            try transaction.putJobState(next)
        }
    }
}
