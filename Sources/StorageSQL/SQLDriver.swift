import Storage

/// What the shared SQL store code (`SQLTransaction`) needs from an engine's driver: prepared statements with
/// positional parameters, writes that may be sent without waiting, and a count of the rows a write changed. `StorageSQLite` drives SQLite,
/// `StoragePostgres` drives PostgreSQL through libpq; every query is written once, in the SQL both engines accept
/// (`?` and `?N` placeholders, `ON CONFLICT`, `RETURNING`), except the few a `SQLDialect` switch names.
///
/// A connection is used by one thread at a time; the store that owns it serialises access.
public protocol SQLConnection: AnyObject {
    /// Which engine this is, for the queries that differ.
    var dialect: SQLDialect { get }
    /// A prepared statement, reset and with no bindings (drivers cache them by text).
    func statement(_ sql: String) throws -> any SQLStatement
    /// Runs SQL without parameters or results.
    func execute(_ sql: String) throws
    /// The row id of the last row inserted, on engines that keep one (SQLite); nil elsewhere.
    var lastInsertRowID: Int64? { get }
    /// Runs the query `sql` once for each parameter set, in order, handing `body` the run's index and the statement
    /// before its first row (`body` steps through the rows). PostgreSQL sends many runs before reading any answer:
    /// one round trip for a batch of lookups instead of one each. The default runs them one after another.
    func forEachRun(of sql: String, with parameterSets: [[SQLValue]], _ body: (Int, any SQLStatement) throws -> Void) throws
    /// Runs different queries (distinct texts) once each, in order, handing `body` each one's index and statement
    /// before its first row. PostgreSQL sends them all, after what is pipelined before them (a BEGIN), before reading
    /// any answer: one round trip. The default runs them one after another.
    func forEachQuery(_ queries: [(sql: String, parameters: [SQLValue])], _ body: (Int, any SQLStatement) throws -> Void) throws
    /// Inserts `rows` (each one value per column, in `columns` order; read once, in order) into `table` in bulk,
    /// waiting for the outcome; a conflict fails it as the INSERT would. PostgreSQL streams them in one COPY; the
    /// default runs a prepared INSERT per row.
    func copyRows(into table: String, columns: [String], rows: some Sequence<[SQLValue]>) throws
}

/// A prepared statement: bind, then `step` through rows and read columns (0-based) of the current row.
public protocol SQLStatement: AnyObject {
    /// Sets the parameters by position, in order (the first is `?1`); `bind` is the chaining form.
    func setParameters(_ values: [SQLValue]) throws
    /// Advances; true while a row is available. The first call executes the statement.
    func step() throws -> Bool
    /// Makes the statement ready to bind and run again.
    func reset()
    /// Executes a write (INSERT, UPDATE, DELETE) to its end, its rows unread. Inside a transaction an engine may send
    /// it without waiting for its outcome and report a failure at the transaction's next statement that waits, at
    /// the latest at its COMMIT, which then fails (PostgreSQL pipelines such writes: one round trip for many).
    func perform() throws
    /// Executes a write to its end and waits for it; returns the rows it changed.
    func performCountingChanges() throws -> Int
    func int(_ column: Int32) -> Int64
    func double(_ column: Int32) -> Double
    func text(_ column: Int32) -> String
    func isNull(_ column: Int32) -> Bool
}

/// The engines, for the few queries written differently on each.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// A value to bind.
public enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    public static func optional(_ text: String?) -> SQLValue { text.map { .text($0) } ?? .null }
    public static func optional(_ number: Int?) -> SQLValue { number.map { .int(Int64($0)) } ?? .null }
}

extension SQLStatement {
    /// Binds parameters by position, in order; returns the statement for chaining.
    @discardableResult
    public func bind(_ values: SQLValue...) throws -> Self {
        try setParameters(values)
        return self
    }

    /// Binds an array of parameters by position, in order; returns the statement for chaining.
    @discardableResult
    public func bind(_ values: [SQLValue]) throws -> Self {
        try setParameters(values)
        return self
    }

    /// Runs a statement that writes (INSERT, UPDATE, DELETE) to its end; see `perform` for when a failure is reported.
    public func run() throws {
        try perform()
        WriteFaultInjection.wrote()
    }

    /// Runs a statement that writes to its end, waiting for it; returns the rows it changed.
    public func runCountingChanges() throws -> Int {
        let changed = try performCountingChanges()
        WriteFaultInjection.wrote()
        return changed
    }

    /// Runs an `INSERT … RETURNING x` and returns x of its one row (for one-row inserts into a table whose key is
    /// its integer primary key, `SQLConnection.insert(_:returningKey:_:)` is cheaper on SQLite).
    public func runReturningInt() throws -> Int64 {
        guard try step() else { throw StoreError.engine("an INSERT … RETURNING gave no row") }
        let value = int(0)
        while try step() {}
        WriteFaultInjection.wrote()
        return value
    }

    /// Steps to the end, turning each row into a value with `row`.
    public func rows<T>(_ row: (any SQLStatement) throws -> T) throws -> [T] {
        var values: [T] = []
        while try step() { values.append(try row(self)) }
        return values
    }

    public func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
    public func optionalInt(_ column: Int32) -> Int64? { isNull(column) ? nil : int(column) }
}

extension SQLConnection {
    public func forEachRun(of sql: String, with parameterSets: [[SQLValue]], _ body: (Int, any SQLStatement) throws -> Void) throws {
        let statement = try statement(sql)
        defer { statement.reset() }
        for (index, parameters) in parameterSets.enumerated() {
            statement.reset()
            try statement.setParameters(parameters)
            try body(index, statement)
        }
    }

    public func forEachQuery(_ queries: [(sql: String, parameters: [SQLValue])], _ body: (Int, any SQLStatement) throws -> Void) throws {
        try forEachQueryInTurn(queries, body)
    }

    /// `forEachQuery` one query after another.
    public func forEachQueryInTurn(_ queries: [(sql: String, parameters: [SQLValue])], _ body: (Int, any SQLStatement) throws -> Void) throws {
        for (index, query) in queries.enumerated() {
            let statement = try statement(query.sql)
            defer { statement.reset() }
            try statement.setParameters(query.parameters)
            try body(index, statement)
        }
    }

    public func copyRows(into table: String, columns: [String], rows: some Sequence<[SQLValue]>) throws {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let insert = try statement("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        defer { insert.reset() }
        for row in rows {
            insert.reset()
            try insert.bind(row).perform()
        }
    }

    /// Runs the single-row query `sql` once for each distinct key (`forEachRun`, with the key's `parameters`) and
    /// keeps `row`'s value for every key that has a row.
    func lookUp<Key: Hashable, Value>(
        _ sql: String, keys: some Sequence<Key>, parameters: (Key) -> [SQLValue], row: (any SQLStatement, Key) throws -> Value
    ) throws -> [Key: Value] {
        let unique = Array(Set(keys))
        var values: [Key: Value] = [:]
        try forEachRun(of: sql, with: unique.map(parameters)) { index, statement in
            if try statement.step() { values[unique[index]] = try row(statement, unique[index]) }
        }
        return values
    }

    /// Runs `sql`, an INSERT of one row into a table whose integer primary key is `key`, and returns the row's key.
    /// SQLite reads it back as the last row id: a `RETURNING` clause there collects its rows in a temporary b-tree
    /// first, which costs more than the insert of a small row. Other engines append `RETURNING key`.
    public func insert(_ sql: String, returningKey key: String, _ values: [SQLValue]) throws -> Int64 {
        guard dialect == .sqlite else {
            return try statement(sql + " RETURNING " + key).bind(values).runReturningInt()
        }
        try statement(sql).bind(values).run()
        guard let id = lastInsertRowID else { throw StoreError.engine("the engine gave no row id for an INSERT") }
        return id
    }
}

/// The shared store code, for the engine modules: a transaction (which is also a reader) over a driver connection.
public enum SQLStoreTransactions {
    /// The store operations of one transaction on `connection`; the caller has begun it and commits or rolls it back.
    /// One per database transaction, which holds the store's write lock: it counts feed sequences on from the head
    /// it read.
    public static func on(_ connection: any SQLConnection) -> any StoreTransaction { SQLTransaction(connection: connection) }
    /// The access-log appends of one transaction on `connection` (`Store.appendToAccessLog`).
    public static func accessLog(on connection: any SQLConnection) -> any AccessLogAppender { SQLTransaction(connection: connection) }
}
