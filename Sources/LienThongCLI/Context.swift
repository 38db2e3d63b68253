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

    func store() throws -> any Store {
        if let openedStore { return openedStore }
        let store: any Store
        switch try StoreURL(parsing: storeURL) {
        case .sqlite(let path): store = try SQLiteStore(path: path)
        case .postgres(let conninfo): store = try PostgresStore(conninfo: conninfo)
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
