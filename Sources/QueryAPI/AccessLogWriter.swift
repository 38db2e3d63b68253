import Foundation

/// Group commit for the access log. Each personal read must be logged durably before its response is sent, and a
/// durable commit costs an fsync; one transaction per read caps reads at one per fsync. Here concurrent requests
/// queue their entries and wait; one of them commits everything queued so far in one transaction (`commit` chains the
/// entries in queue order) and wakes the others. `append` returns only once its own entries are committed, and throws
/// when the commit that held them failed (then none of that batch is logged, and none of its responses may be sent).
///
/// No extra thread: the first caller that finds no commit running becomes the committer for everything queued at that
/// moment; callers arriving during that commit queue up and form the next batch, whose first caller the committer
/// then hands the next commit to. A lone request therefore commits at once; the batches grow with the number of
/// requests in flight. Each waiting caller sleeps on a semaphore of its own and is woken once, when its batch is done
/// or when it is to commit the next one (one broadcast to every waiter per commit cost more CPU than the commits).
/// Generic over the entry type so that tests drive it without a store.
final class AccessLogWriter<Entry: Sendable>: @unchecked Sendable {
    private let commit: @Sendable ([Entry]) throws -> Void
    /// Guards `queue` and `committing`.
    private let lock = NSLock()
    private var queue: [Ticket] = []
    private var committing = false

    /// One caller's entries, its wake-up and, once its batch is committed or failed, the outcome.
    private final class Ticket {
        let entries: [Entry]
        let wake = DispatchSemaphore(value: 0)
        /// Set under `lock` before `wake` is signalled.
        var done = false
        var error: (any Error)?
        init(_ entries: [Entry]) { self.entries = entries }
    }

    init(commit: @escaping @Sendable ([Entry]) throws -> Void) {
        self.commit = commit
    }

    /// Appends `entries` (kept together and in order) and returns once they are committed.
    func append(_ entries: [Entry]) throws {
        guard !entries.isEmpty else { return }
        let ticket = Ticket(entries)
        lock.lock()
        queue.append(ticket)
        let leads = !committing
        if leads { committing = true }
        lock.unlock()
        if !leads {
            ticket.wake.wait()  // done, or handed the next commit
            lock.lock()
            let done = ticket.done
            lock.unlock()
            if done { return try finish(ticket) }
        }
        commitQueued()
        return try finish(ticket)
    }

    /// Commits what is queued (the caller's own ticket first among it), wakes that batch, and hands the commit of
    /// whatever queued meanwhile to its first caller.
    private func commitQueued() {
        lock.lock()
        let batch = queue
        queue.removeAll(keepingCapacity: true)
        lock.unlock()
        var failure: (any Error)?
        do { try commit(batch.flatMap(\.entries)) } catch { failure = error }
        lock.lock()
        for waiting in batch {
            waiting.done = true
            waiting.error = failure
        }
        let next = queue.first
        if next == nil { committing = false }
        lock.unlock()
        // The first ticket is the committer's own (it queued, found no commit running or was handed this one, and
        // took the queue with it first); every other one sleeps.
        for waiting in batch.dropFirst() { waiting.wake.signal() }
        next?.wake.signal()
    }

    private func finish(_ ticket: Ticket) throws {
        lock.lock()
        let failure = ticket.error
        lock.unlock()
        if let failure { throw failure }
    }
}
