import Domain
import Storage

/// Brings the store's API keys in line with the configuration's `keys:` (at start and on each reload): declared keys
/// are created or updated (and active), keys the configuration declared before but no longer does are revoked. Keys
/// made with `lienthong keys create` are left alone; a declared id that belongs to one is refused.
enum ConfiguredKeys {
    struct Report: Equatable {
        var created: [String] = []
        var updated: [String] = []
        var revoked: [String] = []
    }

    struct Conflict: Error, CustomStringConvertible {
        var id: String
        var description: String {
            "the key \(id) declared in the configuration was made with 'lienthong keys create'; declare a new key instead"
        }
    }

    static func apply(_ declared: [APIKey], to store: any Store, at time: String) throws -> Report {
        try store.write { transaction in
            var report = Report()
            let stored = Dictionary(uniqueKeysWithValues: try transaction.apiKeys().map { ($0.id, $0) })
            for var key in declared {
                let existing = stored[key.id]
                if let existing, !existing.configured { throw Conflict(id: key.id) }
                key.createdAt = existing?.createdAt ?? time
                key.revokedAt = nil
                key.configured = true
                guard key != existing else { continue }
                try transaction.putAPIKey(key)
                if existing == nil { report.created.append(key.id) } else { report.updated.append(key.id) }
            }
            let ids = Set(declared.map(\.id))
            for key in stored.values.sorted(by: { $0.id < $1.id }) where key.configured && key.revokedAt == nil && !ids.contains(key.id) {
                _ = try transaction.revokeAPIKey(id: key.id, at: time)
                report.revoked.append(key.id)
            }
            return report
        }
    }
}
