import CSQLite
import Domain
import Foundation
import Storage

/// The embedded default engine: one SQLite file in WAL mode with `synchronous=FULL`, so a committed batch
/// survives power loss. Writes are serialised on one connection; reads run on a pool of read-only connections
/// beside it (`SQLiteReadPool`), or on the writer's connection for an in-memory database.
public final class SQLiteStore: Store, @unchecked Sendable {
    private let connection: SQLiteConnection
    private let lock = NSLock()
    private let readers: SQLiteReadPool?
    public let schemaVersion: Int
    public let path: String

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
        try connection.execute(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY;"
        )
        try SQLiteStore.migrate(connection, from: found)
        self.connection = connection
        self.schemaVersion = SQLiteMigrations.latestVersion
        let inMemory = path.isEmpty || path == ":memory:" || path.hasPrefix("file::memory:")
        self.readers = inMemory ? nil : SQLiteReadPool(path: path, capacity: readers)
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try lock.withLock {
            try connection.execute("BEGIN IMMEDIATE")
            do {
                let result = try body(SQLiteTransaction(connection: connection))
                connection.resetAll()
                try connection.execute("COMMIT")
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
        try connection.execute("BEGIN")
        defer {
            connection.resetAll()
            try? connection.execute("COMMIT")
        }
        return try body(SQLiteTransaction(connection: connection))
    }

    /// Runs `PRAGMA integrity_check`; returns "ok" for a sound file.
    public func integrityCheck() throws -> String {
        try lock.withLock {
            let statement = try connection.statement("PRAGMA integrity_check")
            defer { statement.reset() }
            return try statement.step() ? statement.text(0) : "no result"
        }
    }

    private static func checkIsOurs(_ connection: SQLiteConnection) throws {
        let statement: SQLiteStatement
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
        for migration in SQLiteMigrations.all where migration.version > found {
            try connection.execute("BEGIN IMMEDIATE")
            do {
                try connection.execute(migration.sql)
                try connection.statement("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
                    .bind(.int(Int64(migration.version)), .text(migration.name), .text(Clock.now())).run()
                try connection.execute("COMMIT")
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }
}
