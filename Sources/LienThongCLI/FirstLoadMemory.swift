import Domain

/// A first load of a source — the store holds no mention of it, live or retired, and the run holds the source's
/// claim — can only meet mention keys and record fingerprints it staged itself. It remembers their hashes, and the
/// store is asked about a key or a fingerprint only when one of them matches (a repeated record, a colliding hash);
/// anything else is known new without a lookup. About 16 bytes per mention and per record.
struct FirstLoadMemory {
    let source: String
    private var keys: Set<Int> = []
    private var digests: Set<Int> = []

    init(source: String) {
        self.source = source
    }

    /// True when no mention with `key` can exist yet.
    func isNew(_ key: MentionKey) -> Bool { key.source == source && !keys.contains(key.hashValue) }

    /// True when no mention can carry this record fingerprint yet.
    func isNew(digest: String) -> Bool { !digests.contains(digest.hashValue) }

    mutating func staged(_ key: MentionKey) { keys.insert(key.hashValue) }

    mutating func staged(digest: String) { digests.insert(digest.hashValue) }
}
