import CLibPQ
import Storage
import StorageSQL

/// One libpq connection and its prepared statements (named `s1`, `s2` … and cached by SQL text). Not thread-safe:
/// `PostgresConnectionPool` lends it to one thread at a time.
final class PostgresConnection: SQLConnection {
    let handle: OpaquePointer
    private var cache: [String: PostgresStatement] = [:]
    /// Rows changed by the last command (`PQcmdTuples`).
    var changes = 0
    var dialect: SQLDialect { .postgres }
    /// PostgreSQL keeps no row id: inserts that need their key use `RETURNING`.
    var lastInsertRowID: Int64? { nil }

    /// Connects with a libpq connection string or `postgresql://` URI (libpq reads both, and the PG* environment).
    init(conninfo: String) throws {
        guard let handle = PQconnectdb(conninfo) else { throw StoreError.cannotOpen(location: Self.redacted(conninfo), reason: "out of memory") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Self.message(PQerrorMessage(handle))
            PQfinish(handle)
            throw StoreError.cannotOpen(location: Self.redacted(conninfo), reason: reason)
        }
        self.handle = handle
        lt_pq_silence_notices(handle)
        try execute("SET client_encoding = 'UTF8'")
    }

    deinit {
        cache.removeAll()
        PQfinish(handle)
    }

    /// Frees every cached statement's result (a transaction's results are not kept past it).
    func resetAll() {
        for statement in cache.values { statement.reset() }
    }

    /// False once the server has gone away; the pool then drops the connection instead of lending it again.
    var isUsable: Bool { PQstatus(handle) == CONNECTION_OK }

    func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    func statement(_ sql: String) throws -> any SQLStatement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        let name = "s\(cache.count + 1)"
        let result = PQprepare(handle, name, Self.numberedPlaceholders(sql), 0, nil)
        defer { PQclear(result) }
        try check(result, sql: sql)
        let statement = PostgresStatement(name: name, sql: sql, connection: self)
        cache[sql] = statement
        return statement
    }

    /// Throws the server's message (with its SQLSTATE) unless `result` says the command worked.
    func check(_ result: OpaquePointer?, sql: String) throws {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK, status != PGRES_EMPTY_QUERY else { return }
        var message = Self.message(result.map(PQresultErrorMessage) ?? PQerrorMessage(handle))
        if message.isEmpty { message = Self.message(PQerrorMessage(handle)) }
        if let result, let state = PQresultErrorField(result, lt_pq_diag_sqlstate()) {
            message += " (SQLSTATE \(String(cString: state)))"
        }
        throw StoreError.engine("\(message) in: \(sql)")
    }

    static func message(_ text: UnsafePointer<CChar>?) -> String {
        text.map { String(cString: $0) }?.trimmingWhitespace ?? ""
    }

    /// The conninfo without its password, for messages.
    static func redacted(_ conninfo: String) -> String {
        var text = conninfo
        // postgresql://user:secret@host/… → postgresql://user:***@host/…
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
            let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        {
            text.replaceSubrange(text.index(after: colon)..<at, with: "***")
        }
        // key=value form: password=…
        return text.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("password=") ? "password=***" : String($0) }.joined(separator: " ")
    }

    /// The store's SQL uses `?` (the next parameter) and `?N` (parameter N); PostgreSQL wants `$N`. Quoted strings and
    /// identifiers are left alone.
    static func numberedPlaceholders(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var next = 0
        var quote: Character?
        var characters = sql.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if let open = quote {
                output.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                output.append(character)
            case "?":
                var digits = ""
                while let digit = pending, digit.isASCII, digit.isNumber {
                    digits.append(digit)
                    pending = characters.next()
                }
                if digits.isEmpty {
                    next += 1
                    digits = String(next)
                }
                output += "$" + digits
            default:
                output.append(character)
            }
        }
        return output
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var text = Substring(self)
        while text.last?.isWhitespace == true { text = text.dropLast() }
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        return String(text)
    }
}
