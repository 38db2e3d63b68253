import CSQLite
import Storage
import StorageSQL

/// Owns one sqlite3 connection and its prepared-statement cache. Not thread-safe by itself: `SQLiteStore` uses the
/// writer behind its lock and lends each reader from its pool to one thread at a time.
final class SQLiteConnection: SQLConnection {
    var dialect: SQLDialect { .sqlite }
    let handle: OpaquePointer
    let path: String
    private var cache: [String: SQLiteStatement] = [:]

    /// Opens `path`, creating it unless `readOnly` (a read-only connection refuses every write: the store's readers).
    init(path: String, readOnly: Bool = false) throws {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            if let db { sqlite3_close_v2(db) }
            throw StoreError.cannotOpen(location: path, reason: message)
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 10_000)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without results (several statements allowed).
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        if code != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw StoreError.engine(message)
        }
    }

    /// A cached prepared statement, reset and with bindings cleared.
    func statement(_ sql: String) throws -> any SQLStatement { try prepared(sql) }

    /// The cached statement as its concrete type.
    func prepared(_ sql: String) throws -> SQLiteStatement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        var raw: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard code == SQLITE_OK, let raw else { throw StoreError.engine("\(lastError) in: \(sql)") }
        let statement = SQLiteStatement(raw, connection: self)
        cache[sql] = statement
        return statement
    }

    /// Resets every cached statement so that none holds a read transaction open (a single-row query that was
    /// not stepped to its end keeps one until reset).
    func resetAll() {
        var next = sqlite3_next_stmt(handle, nil)
        while let statement = next {
            if sqlite3_stmt_busy(statement) != 0 { sqlite3_reset(statement) }
            next = sqlite3_next_stmt(handle, statement)
        }
    }

    /// Runs one statement without parameters or rows (`BEGIN`, `COMMIT`), prepared once and kept: not parsed again
    /// for every transaction as `execute` would.
    func run(_ sql: String) throws {
        _ = try prepared(sql).step()
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }
    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    var changes: Int { Int(sqlite3_changes(handle)) }
    var lastInsertRowID: Int64? { sqlite3_last_insert_rowid(handle) }
}
