/// The feed sequence a write transaction appended last: read from the store once (under the store's single writer,
/// no other transaction appends meanwhile), then counted on, so that appends need no answer from the engine.
final class AppendedFeed {
    private var last: Int64?

    /// The sequence the next append takes; `read` gives the store's highest one the first time.
    func next(_ read: () throws -> Int64) rethrows -> Int64 {
        let head = try last ?? read()
        last = head
        return head + 1
    }

    /// Notes that `sequence` (from `next`) was appended: a failed append leaves no gap.
    func appended(_ sequence: Int64) { last = sequence }
}
