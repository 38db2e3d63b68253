/// Ids for new mentions, taken from PostgreSQL's identity sequence a block at a time (one round trip per block), so
/// that inserting a mention needs no answer and can be pipelined. Ids a transaction takes and does not use are
/// skipped, as a rolled-back insert skips its id. SQLite gets none: it hands the row id back without a round trip.
final class MentionIDBlock {
    static let size = 256
    private var ids: ArraySlice<Int64> = []

    /// The next id, or nil on engines that give the row id back themselves.
    func next(on connection: any SQLConnection) throws -> Int64? {
        guard connection.dialect == .postgres else { return nil }
        if ids.isEmpty {
            ids = ArraySlice(
                try connection.statement(
                    "SELECT nextval(pg_get_serial_sequence('mentions', 'id')) FROM generate_series(1, \(Self.size))"
                ).rows { $0.int(0) })
        }
        return ids.popFirst()
    }
}
