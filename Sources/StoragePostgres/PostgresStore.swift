import Domain
import Foundation
import Storage
import StorageSQL

/// The store on PostgreSQL, for several gateway instances sharing one database. The SQL is the same as SQLite's
/// (`StorageSQL`); what differs is how transactions are held:
///
/// - **One writer at a time, across every instance.** Each write transaction first takes a transaction-scoped advisory
///   lock, so batches commit in the order they began, exactly as SQLite's single writer does: a feed sequence is
///   never committed after a higher one (a reader never skips a late event), a resolution block is never worked by
///   two instances at once, and a steward decision is visible to the next batch of every instance. Reads never wait.
/// - **Reads are `REPEATABLE READ, READ ONLY` transactions**: one consistent snapshot per read, as SQLite's WAL gives.
///
/// The database must sort text by code point (collation C, POSIX or C.UTF-8), as SQLite does: every `ORDER BY` on
/// text then gives the same order on both engines. Another collation is refused at open with the command to create
/// a suitable database.
public final class PostgresStore: Store, @unchecked Sendable {
    private let pool: SQLConnectionPool<PostgresConnection>
    /// The connections job claims hold their session-level locks on, apart from `pool` (a claim holds one for the
    /// length of a run) and kept open between claims: a daemon tries the webhook claim every second, and a new session
    /// each time costs the server a process and an authentication.
    private let claimConnections: SQLConnectionPool<PostgresConnection>
    /// More claims than any daemon holds at once (one per source and one for webhook deliveries).
    static let claimConnectionLimit = 64
    /// This process's writers wait here, not on the advisory lock with a pooled connection each: a long batch of
    /// another instance then holds at most one of this process's connections, and reads keep the rest.
    private let writerLock = NSLock()
    /// The same for appends to the access log, which have an advisory lock of their own.
    private let accessLogLock = NSLock()
    public let schemaVersion: Int
    /// The advisory lock key every write transaction takes ("LienThon" in ASCII).
    static let writerLockKey: Int64 = 0x4C69_656E_5468_6F6E
    /// The advisory lock key of access-log appends ("LienAudt"): they are serialised among themselves, so the log's
    /// sequences stay contiguous, but not behind the other writes (nothing else writes the access log).
    static let accessLogLockKey: Int64 = 0x4C69_656E_4175_6474
    /// The class of advisory locks on jobs (two-integer keys, a key space apart from the one-integer locks above).
    static let jobLockClass: Int32 = 0x4C54_4A42
    /// The advisory lock held while migrating, so that instances starting together migrate once.
    static let migrationLock: Int64 = 0x4C69_656E_4D69_6772

    /// Connects, checks the database and migrates it. `connections` bounds this process's connections.
    public init(conninfo: String, connections: Int = 8) throws {
        pool = SQLConnectionPool(capacity: connections, open: { try PostgresConnection(conninfo: conninfo) }, isUsable: { $0.isUsable })
        claimConnections = SQLConnectionPool(
            capacity: Self.claimConnectionLimit, open: { try PostgresConnection(conninfo: conninfo) }, isUsable: { $0.isUsable })
        let location = PostgresConnection.redacted(conninfo)
        schemaVersion = try pool.with { connection in
            try Self.checkCollation(connection, location: location)
            try connection.execute("SELECT pg_advisory_lock(\(Self.migrationLock))")
            defer { try? connection.execute("SELECT pg_advisory_unlock(\(Self.migrationLock))") }
            try Self.checkIsOurs(connection, location: location)
            let found = try Self.currentVersion(connection)
            if found > PostgresMigrations.latestVersion {
                throw StoreError.newerSchema(location: location, found: found, supported: PostgresMigrations.latestVersion)
            }
            try Self.migrate(connection, from: found)
            return PostgresMigrations.latestVersion
        }
    }

    /// A session-level advisory lock on a connection of the claim's own (`claimConnections`), in the key space of jobs
    /// (class `jobLockClass`, object the hash of the name): released by `release`, and by the server when the
    /// connection ends — a daemon killed in the middle of a run leaves no claim behind.
    public func claimJob(_ name: String) throws -> JobClaim? {
        let connections = claimConnections
        var attempt = 0
        while true {
            attempt += 1
            let connection = try connections.lend(waiting: false)
            do {
                guard try Self.advisoryLock("pg_try_advisory_lock", name, on: connection) else {
                    connections.takeBack(connection)
                    return nil
                }
                return claim(name, on: connection)
            } catch {
                connections.takeBack(connection, reusable: false)
                // An idle session the server has dropped (a restart): try again, on a new one at the latest.
                if connection.isUsable || attempt > Self.claimConnectionLimit { throw error }
            }
        }
    }

    /// The claim of `name`, whose lock `connection` holds.
    private func claim(_ name: String, on connection: PostgresConnection) -> JobClaim {
        let connections = claimConnections
        return JobClaim {
            // Kept open for the next claim once the lock is given back; closed (which also releases it) otherwise.
            let unlocked = (try? Self.advisoryLock("pg_advisory_unlock", name, on: connection)) ?? false
            connections.takeBack(connection, reusable: unlocked)
        }
    }

    /// `SELECT function(jobLockClass, hashtext(name))` on `connection`: whether the lock was taken or given back.
    private static func advisoryLock(_ function: String, _ name: String, on connection: PostgresConnection) throws -> Bool {
        let statement = try connection.statement("SELECT \(function)(\(jobLockClass), hashtext(?))").bind(.text(name))
        defer { statement.reset() }
        return try statement.step() && statement.int(0) == 1
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try transaction(lock: writerLock, key: Self.writerLockKey) { try body(SQLStoreTransactions.on($0)) }
    }

    public func appendToAccessLog<T>(_ body: (any AccessLogAppender) throws -> T) throws -> T {
        try transaction(lock: accessLogLock, key: Self.accessLogLockKey) { try body(SQLStoreTransactions.accessLog(on: $0)) }
    }

    /// `body` in a READ COMMITTED transaction holding the advisory lock `key` (after this process's `lock`),
    /// committed when it returns and rolled back when it throws.
    private func transaction<T>(lock: NSLock, key: Int64, _ body: (PostgresConnection) throws -> T) throws -> T {
        try lock.withLock {
            try pool.with { connection in
                defer { connection.resetAll() }
                do {
                    // Sent together with the transaction's first statement that waits: one round trip, not three.
                    try connection.send(command: "BEGIN")
                    try connection.send(command: "SELECT pg_advisory_xact_lock(\(key))")
                    let result = try body(connection)
                    try connection.commit()
                    return result
                } catch {
                    try? connection.execute("ROLLBACK")
                    throw error
                }
            }
        }
    }

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try pool.with { connection in
            try connection.send(command: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            defer {
                connection.resetAll()
                do { try connection.endReadOnly() } catch { try? connection.execute("ROLLBACK") }
            }
            return try body(SQLStoreTransactions.on(connection))
        }
    }

    private static func scalarText(_ connection: PostgresConnection, _ sql: String) throws -> String? {
        let statement = try connection.statement(sql)
        defer { statement.reset() }
        return try statement.step() ? statement.optionalText(0) : nil
    }

    private static func checkCollation(_ connection: PostgresConnection, location: String) throws {
        // The provider column is new in PostgreSQL 15 (ICU; 17 adds the builtin provider, whose C and C.UTF-8 locales
        // sort by code point): read it through JSON so every version answers.
        let collation =
            try scalarText(
                connection,
                """
                SELECT CASE coalesce(to_jsonb(d) ->> 'datlocprovider', 'c') WHEN 'c' THEN datcollate
                    WHEN 'b' THEN coalesce(to_jsonb(d) ->> 'datlocale', '')
                    ELSE 'ICU ' || coalesce(to_jsonb(d) ->> 'daticulocale', to_jsonb(d) ->> 'datlocale', '') END
                FROM pg_database d WHERE datname = current_database()
                """) ?? ""
        guard ["C", "POSIX", "C.UTF-8", "C.utf8"].contains(collation) else {
            throw StoreError.cannotOpen(
                location: location,
                reason: "the database sorts text by '\(collation)'; LienThong needs code-point order, as SQLite's: "
                    + "CREATE DATABASE … TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'")
        }
    }

    private static func checkIsOurs(_ connection: PostgresConnection, location: String) throws {
        let tables = Int(try scalarText(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") ?? "0") ?? 0
        let ours = try scalarText(connection, "SELECT to_regclass('schema_migrations')::text") != nil
        if tables > 0 && !ours {
            throw StoreError.cannotOpen(location: location, reason: "a PostgreSQL schema with tables, but not a LienThong store")
        }
    }

    private static func currentVersion(_ connection: PostgresConnection) throws -> Int {
        guard try scalarText(connection, "SELECT to_regclass('schema_migrations')::text") != nil else { return 0 }
        return Int(try scalarText(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations") ?? "0") ?? 0
    }

    private static func migrate(_ connection: PostgresConnection, from found: Int) throws {
        try connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        try SQLMigration.apply(PostgresMigrations.all, after: found, on: connection, begin: "BEGIN")
    }
}
