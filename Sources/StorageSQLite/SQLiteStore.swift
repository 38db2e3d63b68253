import CSQLite
import Domain
import Foundation
import Synchronization
import Storage
import StorageSQL

/// The embedded default engine: one SQLite file in WAL mode with `synchronous=FULL`, so a committed batch
/// survives power loss. Writes are serialised on one connection; reads run on a pool of read-only connections
/// beside it, or on the writer's connection for an in-memory database. In WAL mode readers neither block the writer
/// nor each other, so the API's reads go on while a write (an ingest batch, or an access-log commit waiting for its
/// fsync) holds the writer connection; each read runs in its own transaction, a snapshot of what was committed when
/// it began.
///
/// The access log is a second file beside the store, `STORE-access`, attached to every reader connection as `access`,
/// with a writer connection and lock of its own (the store's writer attaches it only while migrating). Personal reads
/// are logged on every lookup; in the store's file those commits would wait behind an ingest batch, and each one
/// would empty every reader's page cache (SQLite drops a connection's cache when its database file changed). Back up
/// both files (docs/operations.md §9).
public final class SQLiteStore: Store, @unchecked Sendable {
    private let connection: SQLiteConnection
    private let lock = NSLock()
    private let readers: SQLConnectionPool<SQLiteConnection>?
    /// Appends to the access log (nil in memory: the writer connection, under `lock`, appends to its attached log).
    private let accessLogWriter: SQLiteConnection?
    private let accessLogLock = NSLock()
    /// The page cache of each reader: small, the OS page cache holds the file for all of them. No memory map: SQLite
    /// drops a reader's map whenever another connection has committed, and mapping it again cost more than the
    /// `pread`s it saved.
    private static let readerPragmas = "PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;"
    private static let durablePragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
    public let schemaVersion: Int
    public let path: String
    /// The access log's file: `PATH-access`, or an in-memory database beside an in-memory store.
    public let accessLogPath: String
    /// Jobs claimed by this process (each also locked in a file beside the store, for the other processes).
    private let claimed = ClaimedJobs()

    /// Opens (creating if needed) and migrates. A file that is not a LienThong store, or one from a newer
    /// schema, is refused before anything is written to it.
    /// `readers` bounds the read-only connections that serve concurrent reads.
    public init(path: String, readers: Int = 8) throws {
        self.path = path
        let connection = try SQLiteConnection(path: path)
        try SQLiteStore.checkIsOurs(connection)
        let found = try SQLiteStore.currentVersion(connection)
        if found > SQLiteMigrations.latestVersion {
            throw StoreError.newerSchema(location: path, found: found, supported: SQLiteMigrations.latestVersion)
        }
        connection.resetAll()
        try connection.execute(Self.durablePragmas + " PRAGMA foreign_keys=ON; PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY;")
        let inMemory = path.isEmpty || path == ":memory:" || path.hasPrefix("file::memory:")
        let accessLogPath = inMemory ? ":memory:" : path + "-access"
        if found >= 9 && !inMemory && !FileManager.default.fileExists(atPath: accessLogPath) {
            throw StoreError.cannotOpen(
                location: accessLogPath, reason: "the store's access log is missing: restore it with the store (docs/operations.md §9)")
        }
        try Self.attachAccessLog(accessLogPath, to: connection)
        try connection.execute("PRAGMA access.journal_mode=WAL; PRAGMA access.synchronous=FULL;")
        try Self.prepareAccessLog(on: connection, storeVersion: found, location: accessLogPath)
        try SQLiteStore.migrate(connection, from: found)
        self.connection = connection
        self.accessLogPath = accessLogPath
        self.schemaVersion = SQLiteMigrations.latestVersion
        if inMemory {
            accessLogWriter = nil
        } else {
            // The writer lets go of the log once migrated: BEGIN IMMEDIATE locks every attached file, so an ingest
            // batch would otherwise hold up the log's own writer.
            try connection.execute("DETACH DATABASE access")
            let writer = try SQLiteConnection(path: accessLogPath)
            try writer.execute(Self.durablePragmas)
            accessLogWriter = writer
        }
        self.readers =
            inMemory
            ? nil
            : SQLConnectionPool(capacity: readers) {
                let reader = try SQLiteConnection(path: path, readOnly: true)
                try reader.execute(Self.readerPragmas)
                try Self.attachAccessLog(accessLogPath, to: reader)
                return reader
            }
    }

    private static func attachAccessLog(_ path: String, to connection: SQLiteConnection) throws {
        do {
            try connection.statement("ATTACH DATABASE ? AS access").bind(.text(path)).run()
        } catch {
            throw StoreError.cannotOpen(location: path, reason: "the access log beside the store: \(error)")
        }
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try Self.transaction(on: connection, lock: lock) { try body(SQLStoreTransactions.on(connection)) }
    }

    public func appendToAccessLog<T>(_ body: (any AccessLogAppender) throws -> T) throws -> T {
        guard let accessLogWriter else {
            return try Self.transaction(on: connection, lock: lock) { try body(SQLStoreTransactions.accessLog(on: connection)) }
        }
        return try Self.transaction(on: accessLogWriter, lock: accessLogLock) { try body(SQLStoreTransactions.accessLog(on: accessLogWriter)) }
    }

    /// `body` in one write transaction on `connection`, committed when it returns and rolled back when it throws.
    private static func transaction<T>(on connection: SQLiteConnection, lock: NSLock, _ body: () throws -> T) throws -> T {
        try lock.withLock {
            try connection.run("BEGIN IMMEDIATE")
            do {
                let result = try body()
                connection.resetAll()
                try connection.run("COMMIT")
                return result
            } catch {
                connection.resetAll()
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        guard let readers else { return try lock.withLock { try Self.read(on: connection, body) } }
        return try readers.with { try Self.read(on: $0, body) }
    }

    private static func read<T>(on connection: SQLiteConnection, _ body: (any StoreReader) throws -> T) throws -> T {
        try connection.run("BEGIN")
        defer {
            connection.resetAll()
            try? connection.run("COMMIT")
        }
        return try body(SQLStoreTransactions.on(connection))
    }

    /// Claimed in this process (a set: `flock` does not tell two claims of one process apart when they open the file
    /// separately) and across processes — the daemon, `jobs run`, `webhooks deliver` — with an exclusive `flock` on
    /// `STORE-claim-HASH`, which the kernel drops when the process ends, however it ends. An in-memory store has no
    /// other process to tell.
    public func claimJob(_ name: String) throws -> JobClaim? {
        guard claimed.names.withLock({ $0.insert(name).inserted }) else { return nil }
        let forget: @Sendable () -> Void = { [claimed] in _ = claimed.names.withLock { $0.remove(name) } }
        guard readers != nil else { return JobClaim(release: forget) }
        let lockPath = path + "-claim-" + String(FNV1a.hash(name), radix: 16)
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            forget()
            throw StoreError.cannotOpen(location: lockPath, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            forget()
            return nil
        }
        return JobClaim {
            close(descriptor)
            forget()
        }
    }

    /// The names of the jobs claimed, shared with the claims' release actions.
    private final class ClaimedJobs: Sendable {
        let names = Mutex<Set<String>>([])
    }

    /// Runs `PRAGMA integrity_check` on the store and on its access log; "ok" when both files are sound, else the
    /// first problem found (named by file).
    public func integrityCheck() throws -> String {
        func check(_ connection: SQLiteConnection, _ lock: NSLock) throws -> String {
            try lock.withLock {
                let statement = try connection.statement("PRAGMA integrity_check")
                defer { statement.reset() }
                return try statement.step() ? statement.text(0) : "no result"
            }
        }
        let store = try check(connection, lock)
        guard store == "ok" else { return "\(path): \(store)" }
        guard let accessLogWriter else { return store }
        let accessLog = try check(accessLogWriter, accessLogLock)
        return accessLog == "ok" ? "ok" : "\(accessLogPath): \(accessLog)"
    }

    private static func checkIsOurs(_ connection: SQLiteConnection) throws {
        let statement: any SQLStatement
        do {
            statement = try connection.statement("SELECT name FROM sqlite_master WHERE type = 'table'")
        } catch {
            throw StoreError.cannotOpen(location: connection.path, reason: "not a SQLite database")
        }
        var tables: Set<String> = []
        do {
            while try statement.step() { tables.insert(statement.text(0)) }
        } catch {
            throw StoreError.cannotOpen(location: connection.path, reason: "not a SQLite database")
        }
        if !tables.isEmpty, !tables.contains("schema_migrations") {
            throw StoreError.cannotOpen(location: connection.path, reason: "a SQLite database, but not a LienThong store")
        }
    }

    private static func currentVersion(_ connection: SQLiteConnection) throws -> Int {
        let exists = try connection.statement(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard try exists.step(), exists.int(0) == 1 else { return 0 }
        let statement = try connection.statement("SELECT coalesce(max(version), 0) FROM schema_migrations")
        return try statement.step() ? Int(statement.int(0)) : 0
    }

    private static func migrate(_ connection: SQLiteConnection, from found: Int) throws {
        try connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        try SQLMigration.apply(SQLiteMigrations.all, after: found, on: connection, begin: "BEGIN IMMEDIATE")
    }

    /// Makes sure the attached access log has its table, in a transaction of its own before any migration: migration 9
    /// drops the log from the store's file in the same transaction that copies it over, and SQLite commits the store's
    /// file first, so the table and every entry must already be in the log's file when it runs. A store still holding
    /// its log (schema 4 to 8) has it copied now; the copy may be repeated after a crash, but it never merges two
    /// different logs: a log file beside a new store, or one whose entries differ from the store's, is refused.
    private static func prepareAccessLog(on connection: SQLiteConnection, storeVersion found: Int, location: String) throws {
        func hasLogTable(_ schema: String) throws -> Bool {
            let tables = try connection.statement("SELECT count(*) FROM \(schema).sqlite_master WHERE type = 'table' AND name = 'access_log'")
            defer { tables.reset() }
            return try tables.step() && tables.int(0) == 1
        }
        let storeHasLog = try hasLogTable("main")
        // The usual open (a store at schema 9 beside its log) writes nothing, so it never waits for a running batch.
        let fileHasLog = try hasLogTable("access")
        if found > 0 && !storeHasLog && fileHasLog { return }
        if found >= 9 && !storeHasLog {
            throw StoreError.cannotOpen(
                location: location, reason: "the store's access log holds no log: restore it with the store (docs/operations.md §9)")
        }
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try connection.execute(SQLiteMigrations.accessLogSchema)
            let entries = try connection.statement("SELECT count(*) FROM access.access_log")
            let logged = try entries.step() ? entries.int(0) : 0
            entries.reset()
            if found == 0 && logged > 0 {
                throw StoreError.cannotOpen(location: location, reason: "an access log with \(logged) entries lies beside a new store: move it away")
            }
            if storeHasLog {
                let differing = try connection.statement(
                    "SELECT count(*) FROM access.access_log a JOIN main.access_log m ON m.sequence = a.sequence WHERE a.hash != m.hash")
                let conflicts = try differing.step() ? differing.int(0) : 0
                differing.reset()
                if conflicts > 0 {
                    throw StoreError.cannotOpen(
                        location: location, reason: "\(conflicts) entries differ from the access log inside the store: this file belongs to another store")
                }
                try connection.execute("INSERT OR IGNORE INTO access.access_log SELECT * FROM main.access_log")
            }
            try connection.execute("COMMIT")
        } catch {
            connection.resetAll()
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}
