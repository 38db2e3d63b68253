import Foundation
import Storage

/// Connections opened on first need, up to `capacity`; a caller that finds all of them busy waits for one. A
/// connection `isUsable` rejects when it comes back (its server went away) is dropped instead of lent again.
/// SQLite's read-only readers and PostgreSQL's connections both come from one of these.
public final class SQLConnectionPool<Connection: AnyObject>: @unchecked Sendable {
    private let capacity: Int
    private let open: () throws -> Connection
    private let isUsable: (Connection) -> Bool
    /// Guards `idle` and `opened`.
    private let condition = NSCondition()
    private var idle: [Connection] = []
    private var opened = 0

    public init(capacity: Int, open: @escaping () throws -> Connection, isUsable: @escaping (Connection) -> Bool = { _ in true }) {
        self.capacity = max(1, capacity)
        self.open = open
        self.isUsable = isUsable
    }

    /// Runs `body` on a connection of its own.
    public func with<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try lend()
        defer { takeBack(connection) }
        return try body(connection)
    }

    /// A connection of the caller's own until it gives it back with `takeBack` (for a use that outlives a call, such
    /// as a session-level lock). With `waiting` false, throws instead of waiting when all of them are lent.
    public func lend(waiting: Bool = true) throws -> Connection {
        condition.lock()
        if !waiting && idle.isEmpty && opened >= capacity {
            condition.unlock()
            throw StoreError.engine("all \(capacity) connections of the pool are in use")
        }
        while idle.isEmpty && opened >= capacity { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        opened += 1
        condition.unlock()
        do {
            return try open()
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    /// Gives back a connection `lend` gave; it is closed instead of lent again when `isUsable` rejects it or when
    /// `reusable` is false (its session holds something it must not pass on).
    public func takeBack(_ connection: Connection, reusable: Bool = true) {
        let usable = reusable && isUsable(connection)
        condition.lock()
        if usable { idle.append(connection) } else { opened -= 1 }
        condition.signal()
        condition.unlock()
    }
}
