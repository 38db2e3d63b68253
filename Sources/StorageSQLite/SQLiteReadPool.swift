import Foundation
import Storage

/// Read-only connections for `SQLiteStore.read`. In WAL mode readers neither block the writer nor each other, so
/// with a pool the API's reads go on while a write (an ingest batch, or an access-log commit waiting for its fsync)
/// holds the writer connection; on the one connection they all waited for it. Each read runs in its own transaction,
/// a snapshot of what was committed when it began.
///
/// Connections open on first need, up to `capacity`; a read that finds all of them busy waits for one.
final class SQLiteReadPool: @unchecked Sendable {
    private let path: String
    private let capacity: Int
    /// Guards `idle` and `opened`.
    private let condition = NSCondition()
    private var idle: [SQLiteConnection] = []
    private var opened = 0

    /// The page cache of each reader: small, the OS page cache holds the file for all of them.
    private static let pragmas = "PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;"

    init(path: String, capacity: Int) {
        self.path = path
        self.capacity = max(1, capacity)
    }

    /// Runs `body` on an idle reader connection.
    func with<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let connection = try acquire()
        defer { release(connection) }
        return try body(connection)
    }

    private func acquire() throws -> SQLiteConnection {
        condition.lock()
        while idle.isEmpty && opened >= capacity { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        opened += 1
        condition.unlock()
        do {
            let connection = try SQLiteConnection(path: path, readOnly: true)
            try connection.execute(Self.pragmas)
            return connection
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func release(_ connection: SQLiteConnection) {
        condition.lock()
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }
}
