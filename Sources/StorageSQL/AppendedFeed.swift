/// The feed sequence a write transaction appended last: read from the store once (under the store's single writer,
/// no other transaction appends meanwhile), then counted on, so that appends need no answer from the engine.
final class AppendedFeed {
    private var last: Int64?

    /// The next sequence; `read` gives the store's highest one the first time.
    func next(_ read: () throws -> Int64) rethrows -> Int64 {
        let next = try (last ?? read()) + 1
        last = next
        return next
    }
}
