import Foundation
import Reference
import Storage
import StoragePostgres
import StorageSQLite

/// What a verb needs from its surroundings: the console, the store (opened on first use), reference data.
final class Context {
    let console: Console
    let arguments: ParsedArguments
    let environment: [String: String]
    private var openedStore: (any Store)?
    private var loadedReference: ReferenceData?
    /// The store a configuration file names (`serve --config`, `jobs … --config`): used when `--store` is not given.
    var configuredStore: String?
    /// The configuration file's `store_connections:`, used when `--store-connections` is not given.
    var configuredStoreConnections: Int?
    /// What `--store-connections` and `store_connections:` accept: a write, an access-log append and a read must be
    /// able to proceed together.
    static let storeConnectionRange = 3...512

    init(console: Console, arguments: ParsedArguments, environment: [String: String]) {
        self.console = console
        self.arguments = arguments
        self.environment = environment
    }

    var wantsJSON: Bool { arguments.has("--json") }

    /// `--store`, else the configuration file's `store:`, else `LIENTHONG_STORE`, else `sqlite:lienthong.db`.
    var storeURL: String {
        arguments.value("--store") ?? configuredStore ?? environment["LIENTHONG_STORE"] ?? StoreURL.defaultValue
    }

    /// `--store-connections`, else the configuration's `store_connections:`, else `LIENTHONG_STORE_CONNECTIONS`, else 8:
    /// how many connections this process keeps to the store — SQLite's read-only connections beside its one writer, or
    /// the PostgreSQL pool that reads and writes share (job claims hold one more each).
    func storeConnections() throws -> Int {
        func parse(_ text: String, from origin: String) throws -> Int {
            guard let count = Int(text), Self.storeConnectionRange.contains(count) else {
                let range = Self.storeConnectionRange
                throw UsageError(message: "\(origin) expects a whole number in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
            }
            return count
        }
        if let text = arguments.value("--store-connections") { return try parse(text, from: "--store-connections") }
        if let configuredStoreConnections { return configuredStoreConnections }
        if let text = environment["LIENTHONG_STORE_CONNECTIONS"] { return try parse(text, from: "LIENTHONG_STORE_CONNECTIONS") }
        return 8
    }

    func store() throws -> any Store {
        if let openedStore { return openedStore }
        let store: any Store
        let connections = try storeConnections()
        switch try StoreURL(parsing: storeURL) {
        case .sqlite(let path): store = try SQLiteStore(path: path, readers: connections)
        case .postgres(let conninfo): store = try PostgresStore(conninfo: conninfo, connections: connections)
        }
        openedStore = store
        return store
    }

    func reference() throws -> ReferenceData {
        if let loadedReference { return loadedReference }
        let reference = try ReferenceData.loadDefault()
        loadedReference = reference
        return reference
    }
}
