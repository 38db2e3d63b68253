import Domain

/// Mints stable entity identifiers: the kind's prefix plus a fingerprint of the founding mention, e.g.
/// `P-3f2a9c0d1b4e5a67`. The id never changes afterwards; merges retire ids with a redirect.
enum EntityIDMinter {
    static func mint(for key: MentionKey, exists: (String) throws -> Bool) throws -> String {
        let base = firstCandidate(for: key)
        var candidate = base
        var attempt = 1
        while try exists(candidate) {
            attempt += 1
            candidate = "\(base)-\(attempt)"
        }
        return candidate
    }

    /// The id `mint` gives `key` unless an entity has it already.
    static func firstCandidate(for key: MentionKey) -> String {
        "\(key.kind.idPrefix)-\(fingerprint("\(key.source)|\(key.kind.rawValue)|\(key.recordKey)"))"
    }

    /// FNV-1a 64, 16 hex digits.
    static func fingerprint(_ text: String) -> String {
        let hex = String(FNV1a.hash(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
