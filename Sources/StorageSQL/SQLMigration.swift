import Domain
import Storage

/// One step of an engine's append-only schema history. A shipped migration is never edited: add a new one, with
/// the same number on every engine.
public struct SQLMigration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Applies the migrations after version `found`, each in its own transaction opened with `begin`, recording
    /// each in `schema_migrations`.
    public static func apply(_ migrations: [SQLMigration], after found: Int, on connection: any SQLConnection, begin: String) throws {
        for migration in migrations where migration.version > found {
            try connection.execute(begin)
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
