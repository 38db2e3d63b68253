import Foundation
import Storage
import StoragePostgres
import StorageSQLite
import Testing

/// The engines a store-contract test runs on: SQLite always; PostgreSQL when a server is given
/// (`LIENTHONG_TEST_POSTGRES`, set by `scripts/with-postgres.sh`, which `make test` runs the tests under). With
/// `LIENTHONG_REQUIRE_POSTGRES=1` and no server, the PostgreSQL cases fail instead of being left out.
enum Engine: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let serverURL = ProcessInfo.processInfo.environment["LIENTHONG_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let postgresRequired = ProcessInfo.processInfo.environment["LIENTHONG_REQUIRE_POSTGRES"] == "1"

    static var available: [Engine] { serverURL != nil || postgresRequired ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }

    /// A new, empty store of this engine (a new file, or a new database on the test server).
    func makeStore() throws -> any Store {
        switch self {
        case .sqlite: return try SQLiteStore(path: try Fixture.temporaryDirectory() + "/store.db")
        case .postgres: return try PostgresStore(conninfo: try Self.newDatabase())
        }
    }

    /// Two stores opened separately on one new file or database, as two processes would.
    func makeTwoStoresOnOneDatabase() throws -> (any Store, any Store) {
        switch self {
        case .sqlite:
            let path = try Fixture.temporaryDirectory() + "/store.db"
            return (try SQLiteStore(path: path), try SQLiteStore(path: path))
        case .postgres:
            let url = try Self.newDatabase()
            return (try PostgresStore(conninfo: url), try PostgresStore(conninfo: url))
        }
    }

    /// The URL of a new database on the test server.
    static func newDatabase() throws -> String {
        guard let serverURL else {
            throw StoreError.cannotOpen(location: "LIENTHONG_TEST_POSTGRES", reason: "not set: run the tests under scripts/with-postgres.sh")
        }
        let name = "lt_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return try PostgresDatabases.create(named: name, on: serverURL)
    }
}
