import CLibPQ
import Storage
import StorageSQL

/// Bulk inserts with `COPY … FROM STDIN` (text format): the rows go to the server as one stream, without a statement
/// per row, and the outcome is read once.
extension PostgresConnection {
    /// Bytes handed to libpq at a time.
    static let copyChunk = 1 << 20

    func copyRows(into table: String, columns: [String], rows: some Sequence<[SQLValue]>) throws {
        var remaining = rows.makeIterator()
        guard let first = remaining.next() else { return }
        try settle()  // COPY cannot run in a pipeline, and must follow the writes sent before it
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        let started = PQexec(handle, sql)
        defer { PQclear(started) }
        guard let started, PQresultStatus(started) == PGRES_COPY_IN else {
            try check(started, sql: sql)
            throw StoreError.engine("the server did not start the COPY in: \(sql)")
        }
        var refused: String?
        var stream: [UInt8] = []
        stream.reserveCapacity(Self.copyChunk + 4_096)
        var row: [SQLValue]? = first
        while let values = row, refused == nil {
            refused = PostgresCopyText.append(values, columns: columns.count, to: &stream)
            if stream.count >= Self.copyChunk && refused == nil {
                try putCopyData(stream, sql: sql)
                stream.removeAll(keepingCapacity: true)
            }
            row = remaining.next()
        }
        if refused == nil && !stream.isEmpty { try putCopyData(stream, sql: sql) }
        // A refusal ends the COPY with an error: the server discards every row of it.
        guard PQputCopyEnd(handle, refused) == 1 else {
            throw StoreError.engine("libpq could not end the COPY: \(Self.message(PQerrorMessage(handle))) in: \(sql)")
        }
        var failure: (any Error)?
        while let result = PQgetResult(handle) {
            if failure == nil { do { try check(result, sql: sql) } catch { failure = error } }
            PQclear(result)
        }
        if let refused { throw StoreError.engine("\(refused), in: \(sql)") }
        if let failure { throw failure }
    }

    private func putCopyData(_ bytes: [UInt8], sql: String) throws {
        let sent = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else {
            throw StoreError.engine("libpq could not send COPY data: \(Self.message(PQerrorMessage(handle))) in: \(sql)")
        }
    }
}

/// COPY's text format: columns separated by tabs, rows ended by a newline, NULL as `\N`, and a backslash, tab,
/// newline or carriage return inside a value escaped with a backslash.
enum PostgresCopyText {
    /// Appends one row; returns why it cannot be sent instead (a wrong number of values, or a NUL character, which
    /// PostgreSQL text cannot hold), leaving `stream` unusable.
    static func append(_ row: [SQLValue], columns: Int, to stream: inout [UInt8]) -> String? {
        guard row.count == columns else { return "a row of \(row.count) values for \(columns) columns" }
        for (index, value) in row.enumerated() {
            if index > 0 { stream.append(UInt8(ascii: "\t")) }
            guard let text = value.postgresText else {
                stream.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            for byte in text.utf8 {
                switch byte {
                case 0: return "a text value with a NUL character cannot be stored in PostgreSQL"
                case UInt8(ascii: "\\"): stream.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): stream.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): stream.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): stream.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: stream.append(byte)
                }
            }
        }
        stream.append(UInt8(ascii: "\n"))
        return nil
    }
}
