import CLibPQ
import Foundation
import Storage
import StorageSQL

/// A prepared statement on one connection. Parameters go as text and the server infers their types from the query;
/// the first `step` executes it and keeps the whole result, later steps walk its rows. `perform` inside a transaction
/// only sends it (see `PostgresConnection`). Booleans read as integers
/// (`t` → 1, `f` → 0), as SQLite stores them.
final class PostgresStatement: SQLStatement {
    let name: String
    let sql: String
    private unowned let connection: PostgresConnection
    private var parameters: [SQLValue] = []
    private var result: OpaquePointer?
    private var row: Int32 = -1
    private var rows: Int32 = 0

    init(name: String, sql: String, connection: PostgresConnection) {
        self.name = name
        self.sql = sql
        self.connection = connection
    }

    deinit { if let result { PQclear(result) } }

    func setParameters(_ values: [SQLValue]) throws {
        parameters = values
    }

    func reset() {
        if let result { PQclear(result) }
        result = nil
        parameters = []
        row = -1
        rows = 0
    }

    /// Sends the statement with `values` in the connection's pipeline, its answer read later (`adopt`).
    func send(_ values: [SQLValue]) throws {
        parameters = values
        try withParameterTexts { try connection.send(name, $0, sql: sql) }
    }

    /// Takes `answer` (a result of this statement read from the pipeline) as its result: `step` walks its rows.
    func adopt(_ answer: OpaquePointer) {
        reset()
        result = answer
        rows = PQntuples(answer)
    }

    func step() throws -> Bool {
        if result == nil { try execute() }
        row += 1
        return row < rows
    }

    func perform() throws {
        guard connection.isInTransaction else {
            _ = try performCountingChanges()
            return
        }
        try send(parameters)
    }

    func performCountingChanges() throws -> Int {
        try execute()
        return result.map { Int(String(cString: PQcmdTuples($0))) ?? 0 } ?? 0
    }

    /// The parameters as C strings (null for NULL), for the duration of `body`.
    private func withParameterTexts<T>(_ body: ([UnsafePointer<CChar>?]) throws -> T) throws -> T {
        // PostgreSQL text cannot hold U+0000, and a C string would end there: refuse rather than store less.
        for case .text(let text) in parameters where text.utf8.contains(0) {
            throw StoreError.engine("a text value with a NUL character cannot be stored in PostgreSQL, in: \(sql)")
        }
        let texts: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.postgresText.map { strdup($0) } }
        defer { texts.forEach { free($0) } }
        return try body(texts.map { UnsafePointer($0) })
    }

    private func execute() throws {
        let executed = try withParameterTexts { try connection.executePrepared(name, $0, sql: sql) }
        do {
            try connection.check(executed, sql: sql)
        } catch {
            PQclear(executed)
            throw error
        }
        result = executed
        rows = PQntuples(executed)
        row = -1
    }

    private func value(_ column: Int32) -> UnsafeMutablePointer<CChar>? {
        guard let result, row >= 0, row < rows, column < PQnfields(result) else { return nil }
        return PQgetvalue(result, row, column)
    }

    func isNull(_ column: Int32) -> Bool {
        guard let result, row >= 0, row < rows else { return true }
        return PQgetisnull(result, row, column) != 0
    }

    func text(_ column: Int32) -> String {
        value(column).map { String(cString: $0) } ?? ""
    }

    func int(_ column: Int32) -> Int64 {
        guard let pointer = value(column) else { return 0 }
        switch pointer.pointee {
        case 0x74: return 1  // t
        case 0x66: return 0  // f
        default: return strtoll(pointer, nil, 10)
        }
    }

    func double(_ column: Int32) -> Double {
        guard let pointer = value(column) else { return 0 }
        return strtod(pointer, nil)
    }
}

extension SQLValue {
    /// The value as PostgreSQL reads it in text form; nil for NULL.
    var postgresText: String? {
        switch self {
        case .null: return nil
        case .int(let number): return String(number)
        case .double(let number): return number.isFinite ? "\(number)" : (number.isNaN ? "NaN" : number > 0 ? "Infinity" : "-Infinity")
        case .text(let text): return text
        }
    }
}
