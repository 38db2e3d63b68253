import Domain

/// Reads the query API needs: keys, entity places and name search, the feed within a jurisdiction, the access log.
public protocol AccessReader {
    func apiKey(id: String) throws -> APIKey?
    func apiKeys() throws -> [APIKey]
    /// The 2025 communes an entity is placed in (kept for retired entities, so their last events stay visible).
    func places(ofEntity id: String) throws -> [EntityPlace]
    /// The index entries (places, search entry) of each entity, in one batch of lookups per kind of entry.
    func indexEntries(ofEntities ids: [String]) throws -> [String: EntityIndexEntries]
    /// Entities of `kind` whose indexed names contain every folded token, best first (the exact folded name first),
    /// optionally with this birth year, in this commune, and within `jurisdiction`.
    func searchEntities(
        kind: EntityKind, tokens: [String], exactName: String, birthYear: Int?, commune: String?, within jurisdiction: Jurisdiction,
        limit: Int, offset: Int
    ) throws -> [String]
    /// Feed events after `after` about entities inside `jurisdiction`, ascending, at most `limit`; also returns the
    /// last sequence examined, so a reader whose jurisdiction matched nothing still advances its cursor.
    func feed(after: Int64, limit: Int, within jurisdiction: Jurisdiction) throws -> (events: [FeedEvent], scannedThrough: Int64)
    /// Person entities with a mention carrying this valid 12-digit number, or (9 digits) this legacy CMND number.
    func personEntities(personalNumber: String) throws -> [String]
    /// The highest feed sequence (0 when empty): cheap, for long-poll wake-ups.
    func feedHead() throws -> Int64
    /// The latest access-log entry (the head of the hash chain). The access log is read in `Store.read` snapshots and
    /// appended in `Store.appendToAccessLog`; a `Store.write` transaction may not see it (SQLite keeps it in a file of
    /// its own, which the store's writer does not attach).
    func lastAccessLogEntry() throws -> AccessLogEntry?
    /// Access-log entries of one entity, oldest first.
    func accessLog(entityID: String) throws -> [AccessLogEntry]
    /// Every access-log entry in order (chain verification).
    func forEachAccessLogEntry(_ each: (AccessLogEntry) throws -> Void) throws
}

/// Writes of the query API and the publisher's index of places and names.
public protocol AccessWriter {
    /// Stores a key, or replaces the one with its id.
    func putAPIKey(_ key: APIKey) throws
    /// Marks a key revoked; false when there is no such active key.
    func revokeAPIKey(id: String, at time: String) throws -> Bool
    /// Replaces an entity's places (writes nothing when they are the same); `current`: its index entries as read
    /// before in this transaction, nil to read them.
    func setPlaces(ofEntity id: String, _ places: [EntityPlace], current: EntityIndexEntries?) throws
    /// Replaces an entity's searchable names (folded) and birth year (writes nothing when they are the same); an
    /// empty `names` removes it from search. `current` as for `setPlaces`.
    func setSearchNames(
        ofEntity id: String, kind: EntityKind, names: [String], exactName: String, birthYear: Int?, current: EntityIndexEntries?) throws
}

extension AccessWriter {
    public func setPlaces(ofEntity id: String, _ places: [EntityPlace]) throws {
        try setPlaces(ofEntity: id, places, current: nil)
    }

    public func setSearchNames(ofEntity id: String, kind: EntityKind, names: [String], exactName: String, birthYear: Int?) throws {
        try setSearchNames(ofEntity: id, kind: kind, names: names, exactName: exactName, birthYear: birthYear, current: nil)
    }
}

/// The access log's own write transaction (`Store.appendToAccessLog`): the chain's head and appends to it.
public protocol AccessLogAppender {
    /// The latest access-log entry (the head of the hash chain).
    func lastAccessLogEntry() throws -> AccessLogEntry?
    /// Appends an entry whose `previousHash` and `hash` the caller computed from `lastAccessLogEntry()` in this
    /// transaction; returns its sequence.
    func appendAccessLog(_ entry: AccessLogEntry) throws -> Int64
}
