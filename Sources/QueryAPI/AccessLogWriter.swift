import Foundation

/// Group commit for the access log. Each personal read must be logged durably before its response is sent, and a
/// durable commit costs an fsync; one transaction per read caps reads at one per fsync. Here concurrent requests
/// queue their entries and wait; one of them commits everything queued so far in one transaction (`commit` chains the
/// entries in queue order) and wakes the others. `append` returns only once its own entries are committed, and throws
/// when the commit that held them failed (then none of that batch is logged, and none of its responses may be sent).
///
/// No extra thread: the first caller that finds no commit running becomes the committer for everything queued at that
/// moment; callers arriving during that commit queue up and form the next batch, whose first waiter to wake commits
/// it. A lone request therefore commits at once, as before; the batches grow with the number of requests in flight.
/// Generic over the entry type so that tests drive it without a store.
final class AccessLogWriter<Entry: Sendable>: @unchecked Sendable {
    private let commit: @Sendable ([Entry]) throws -> Void
    /// Guards everything below.
    private let condition = NSCondition()
    private var queue: [Ticket] = []
    private var committing = false

    /// One caller's entries and, once its batch is committed or failed, the outcome.
    private final class Ticket {
        let entries: [Entry]
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
        condition.lock()
        queue.append(ticket)
        while !ticket.done {
            guard !committing else {
                condition.wait()
                continue
            }
            committing = true
            let batch = queue
            queue.removeAll(keepingCapacity: true)
            condition.unlock()
            var failure: (any Error)?
            do { try commit(batch.flatMap(\.entries)) } catch { failure = error }
            condition.lock()
            for waiting in batch {
                waiting.done = true
                waiting.error = failure
            }
            committing = false
            condition.broadcast()
        }
        let failure = ticket.error
        condition.unlock()
        if let failure { throw failure }
    }
}
