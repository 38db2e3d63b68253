/// A parsed `--store` URL: `sqlite:PATH` (or a bare path) or `postgresql://…`.
public enum StoreURL: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(conninfo: String)

    /// The default when neither `--store` nor `LIENTHONG_STORE` is given.
    public static let defaultValue = "sqlite:lienthong.db"

    public init(parsing text: String) throws {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw StoreError.unsupportedURL(text) }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") {
            self = .postgres(conninfo: text)
        } else if !text.contains("://"), !text.isEmpty, !text.contains(":") {
            self = .sqlite(path: text)
        } else {
            throw StoreError.unsupportedURL(text)
        }
    }
}
