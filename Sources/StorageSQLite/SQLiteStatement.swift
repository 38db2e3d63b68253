import CSQLite
import Storage
import StorageSQL

/// A prepared SQLite statement.
final class SQLiteStatement: SQLStatement {
    private let raw: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(_ raw: OpaquePointer, connection: SQLiteConnection) {
        self.raw = raw
        self.connection = connection
    }

    deinit { sqlite3_finalize(raw) }

    func reset() {
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
    }

    func setParameters(_ values: [SQLValue]) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(raw, index)
            case .int(let number): code = sqlite3_bind_int64(raw, index, number)
            case .double(let number): code = sqlite3_bind_double(raw, index, number)
            case .text(let text): code = sqlite3_bind_text(raw, index, text, -1, lt_sqlite_transient())
            }
            guard code == SQLITE_OK else { throw StoreError.engine(connection.lastError) }
        }
    }

    /// Advances; true while a row is available.
    func step() throws -> Bool {
        switch sqlite3_step(raw) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let message = connection.lastError
            sqlite3_reset(raw)
            throw StoreError.engine(message)
        }
    }

    func perform() throws {
        while try step() {}
    }

    func performCountingChanges() throws -> Int {
        try perform()
        return connection.changes
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(raw, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(raw, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(raw, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(raw, column) else { return "" }
        return String(cString: pointer)
    }
}
