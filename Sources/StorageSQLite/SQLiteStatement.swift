import CSQLite
import Storage

/// A prepared statement; bind with `bind`, iterate with `step`, read with `int`/`text`.
final class SQLiteStatement {
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

    /// Binds parameters by position (1-based), in order. `nil` binds NULL.
    @discardableResult
    func bind(_ values: SQLiteValue...) throws -> SQLiteStatement { try bind(values) }

    /// Binds an array of parameters by position (1-based), in order.
    @discardableResult
    func bind(_ values: [SQLiteValue]) throws -> SQLiteStatement {
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
        return self
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

    /// Runs a statement that writes (INSERT, UPDATE, DELETE) to its end.
    func run() throws {
        while try step() {}
        WriteFaultInjection.wrote()
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(raw, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(raw, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(raw, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(raw, column) else { return "" }
        return String(cString: pointer)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
    func optionalInt(_ column: Int32) -> Int64? { isNull(column) ? nil : int(column) }
}

/// A value to bind.
enum SQLiteValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    static func optional(_ text: String?) -> SQLiteValue { text.map { .text($0) } ?? .null }
    static func optional(_ number: Int?) -> SQLiteValue { number.map { .int(Int64($0)) } ?? .null }
}
