import Storage

/// Creating databases the store accepts (UTF-8, code-point collation): for tests, benchmarks and first set-up.
public enum PostgresDatabases {
    /// Creates database `name` on the server `serverURL` (a `postgresql://` URL of any database there, as a role
    /// allowed to create databases) and returns the URL of the new one.
    public static func create(named name: String, on serverURL: String) throws -> String {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !name.isEmpty else {
            throw StoreError.engine("a database name of letters, digits and '_' only: \(name)")
        }
        let connection = try PostgresConnection(conninfo: serverURL)
        try connection.execute("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'")
        return try url(of: name, on: serverURL)
    }

    /// Drops database `name` (closing its other sessions first).
    public static func drop(named name: String, on serverURL: String) throws {
        let connection = try PostgresConnection(conninfo: serverURL)
        try connection.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// `serverURL` with its database replaced by `name`.
    static func url(of name: String, on serverURL: String) throws -> String {
        guard let scheme = serverURL.range(of: "://") else { throw StoreError.unsupportedURL(serverURL) }
        let rest = serverURL[scheme.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        return serverURL[..<scheme.upperBound] + authority + "/" + name + query
    }
}
