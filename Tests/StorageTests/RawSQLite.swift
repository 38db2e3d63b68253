import CSQLite

/// Direct sqlite3 access for tests that must write what the store would never write itself.
final class RawSQLite {
    private var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open(path, &handle) == SQLITE_OK else { throw RawError(message: "open failed") }
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw RawError(message: String(cString: sqlite3_errmsg(handle)))
        }
    }

    func close() {
        sqlite3_close(handle)
        handle = nil
    }

    struct RawError: Error { var message: String }
}
