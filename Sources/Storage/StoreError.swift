/// Errors every store engine reports in the same terms.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL names no engine we have (`sqlite:PATH`, `postgresql://…`).
    case unsupportedURL(String)
    /// The file or server could not be opened or is not a store.
    case cannotOpen(location: String, reason: String)
    /// The store was written by a newer LienThong; nothing was changed.
    case newerSchema(location: String, found: Int, supported: Int)
    /// An engine error with its message (never personal data).
    case engine(String)
    /// A stored row could not be read back (corrupt JSON, unknown kind …).
    case corruptRow(String)

    public var description: String {
        switch self {
        case .unsupportedURL(let url):
            return "unsupported store URL '\(url)': use sqlite:PATH or postgresql://…"
        case .cannotOpen(let location, let reason):
            return "cannot open store \(location): \(reason)"
        case .newerSchema(let location, let found, let supported):
            return "store \(location) has schema version \(found), newer than this lienthong supports (\(supported)); "
                + "upgrade lienthong — the store was not changed"
        case .engine(let message):
            return "store error: \(message)"
        case .corruptRow(let message):
            return "corrupt store row: \(message)"
        }
    }
}
