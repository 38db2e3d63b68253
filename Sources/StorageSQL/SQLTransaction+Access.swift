import Domain
import Storage

/// The query API's tables: entity places (kept by the publisher), API keys and the access log (name search is in
/// `SQLTransaction+Search.swift`).
extension SQLTransaction {
    // MARK: keys

    private static let keyColumns = "id, secret_hash, role, jurisdiction, label, created_at, revoked_at, configured"

    private func apiKey(_ statement: any SQLStatement) throws -> APIKey {
        guard let role = APIRole(rawValue: statement.text(2)) else { throw StoreError.corruptRow("api key \(statement.text(0))") }
        return APIKey(
            id: statement.text(0), secretHash: statement.text(1), role: role,
            jurisdiction: try StoredJurisdictions.decode(statement.text(3)),
            label: statement.optionalText(4), createdAt: statement.text(5), revokedAt: statement.optionalText(6),
            configured: statement.int(7) != 0)
    }

    func apiKey(id: String) throws -> APIKey? {
        let statement = try connection.statement("SELECT \(Self.keyColumns) FROM api_keys WHERE id = ?").bind(.text(id))
        return try statement.step() ? try apiKey(statement) : nil
    }

    func keyAndRecord(keyID: String, entityID: String) throws -> KeyAndRecord {
        var found = KeyAndRecord()
        let record = "SELECT e.id, e.kind, e.status, e.redirect_to, g.body FROM entities e LEFT JOIN golden_records g ON g.entity_id = e.id WHERE e.id = ?"
        try connection.forEachQuery([
            ("SELECT \(Self.keyColumns) FROM api_keys WHERE id = ?", [.text(keyID)]), (record, [.text(entityID)]),
        ]) { index, statement in
            guard try statement.step() else { return }
            if index == 0 {
                found.apiKey = try apiKey(statement)
            } else {
                found.entity = try entityRow(statement)
                found.goldenRecordJSON = statement.optionalText(4)
            }
        }
        return found
    }

    func apiKeys() throws -> [APIKey] {
        let statement = try connection.statement("SELECT \(Self.keyColumns) FROM api_keys ORDER BY created_at, id")
        return try statement.rows { statement in try apiKey(statement) }
    }

    func putAPIKey(_ key: APIKey) throws {
        try connection.statement(
            """
            INSERT INTO api_keys (\(Self.keyColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET secret_hash = excluded.secret_hash, role = excluded.role, jurisdiction = excluded.jurisdiction,
                label = excluded.label, created_at = excluded.created_at, revoked_at = excluded.revoked_at, configured = excluded.configured
            """
        ).bind(
            .text(key.id), .text(key.secretHash), .text(key.role.rawValue), .text(try StoredJSON.encode(key.jurisdiction)),
            .optional(key.label), .text(key.createdAt), .optional(key.revokedAt), .int(key.configured ? 1 : 0)
        ).run()
    }

    func revokeAPIKey(id: String, at time: String) throws -> Bool {
        try connection.statement("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").bind(.text(time), .text(id))
            .runCountingChanges() > 0
    }

    // MARK: places and search

    private static let placesSQL = "SELECT commune_code, province_code FROM entity_places WHERE entity_id = ? ORDER BY commune_code"

    func places(ofEntity id: String) throws -> [EntityPlace] {
        try connection.statement(Self.placesSQL).bind(.text(id))
            .rows { statement in EntityPlace(communeCode: statement.text(0), provinceCode: statement.text(1)) }
    }

    func indexEntries(ofEntities ids: [String]) throws -> [String: EntityIndexEntries] {
        let unique = Array(Set(ids))
        var entries: [String: EntityIndexEntries] = [:]
        try connection.forEachRun(of: Self.placesSQL, with: unique.map { [.text($0)] }) { index, statement in
            entries[unique[index]] = EntityIndexEntries(
                places: try statement.rows { statement in EntityPlace(communeCode: statement.text(0), provinceCode: statement.text(1)) },
                search: nil)
        }
        try connection.forEachRun(of: searchEntrySQL, with: unique.map { [.text($0)] }) { index, statement in
            entries[unique[index]]?.search = try statement.step() ? Self.searchEntry(statement) : nil
        }
        return entries
    }

    func setPlaces(ofEntity id: String, _ places: [EntityPlace], current: EntityIndexEntries?) throws {
        guard try current?.places ?? self.places(ofEntity: id) != places.sorted(by: { $0.communeCode < $1.communeCode }) else { return }
        try connection.statement("DELETE FROM entity_places WHERE entity_id = ?").bind(.text(id)).run()
        let insert = try connection.statement(
            """
            INSERT INTO entity_places (entity_id, commune_code, province_code) VALUES (?, ?, ?)
            ON CONFLICT (entity_id, commune_code) DO UPDATE SET province_code = excluded.province_code
            """)
        for place in places {
            insert.reset()
            try insert.bind(.text(id), .text(place.communeCode), .text(place.provinceCode)).run()
        }
    }

    /// `EXISTS (…)` restricting `alias.entity_id` to a jurisdiction, with its parameters; empty for a national one.
    func jurisdictionClause(_ jurisdiction: Jurisdiction, entityColumn: String) -> (sql: String, values: [SQLValue]) {
        guard !jurisdiction.national else { return ("", []) }
        // `IN ()` is not SQL every engine accepts: an empty list is left out (and no list at all matches nothing).
        func list(_ column: String, _ codes: [String]) -> String? {
            codes.isEmpty ? nil : "p.\(column) IN (" + codes.map { _ in "?" }.joined(separator: ", ") + ")"
        }
        let tests = [list("province_code", jurisdiction.provinces), list("commune_code", jurisdiction.communes)].compactMap { $0 }
        let sql =
            " AND EXISTS (SELECT 1 FROM entity_places p WHERE p.entity_id = \(entityColumn) AND ("
            + (tests.isEmpty ? "1 = 0" : tests.joined(separator: " OR ")) + "))"
        return (sql, jurisdiction.provinces.map { .text($0) } + jurisdiction.communes.map { .text($0) })
    }

    func personEntities(personalNumber: String) throws -> [String] {
        let sql =
            personalNumber.count == 12
            ? """
            SELECT DISTINCT e.entity_id FROM person_index p JOIN entity_members e ON e.mention_id = p.mention_id
            WHERE p.personal_number = ? ORDER BY e.entity_id
            """
            : """
            SELECT DISTINCT e.entity_id FROM person_legacy_numbers p JOIN entity_members e ON e.mention_id = p.mention_id
            WHERE p.number = ? ORDER BY e.entity_id
            """
        let statement = try connection.statement(sql).bind(.text(personalNumber))
        return try statement.rows { statement in statement.text(0) }
    }

    // MARK: feed within a jurisdiction

    func feedHead() throws -> Int64 {
        let statement = try connection.statement("SELECT coalesce(max(sequence), 0) FROM feed_events")
        defer { statement.reset() }
        return try statement.step() ? statement.int(0) : 0
    }

    /// How many sequences one jurisdiction-filtered feed read examines at most (a commune key polling a national
    /// feed advances through it in windows instead of scanning it whole).
    static let feedScanWindow: Int64 = 50_000

    func feed(after: Int64, limit: Int, within jurisdiction: Jurisdiction) throws -> (events: [FeedEvent], scannedThrough: Int64) {
        guard !jurisdiction.national else {
            let events = try feed(after: after, limit: limit)
            return (events, events.last?.sequence ?? after)
        }
        let last = try feedHead()
        let windowEnd = min(last, after + Self.feedScanWindow)
        let scope = jurisdictionClause(jurisdiction, entityColumn: "f.subject")
        let statement = try connection.statement(
            """
            SELECT f.sequence, f.id, f.type, f.subject, f.kind, f.time, f.data FROM feed_events f
            WHERE f.sequence > ? AND f.sequence <= ?\(scope.sql) ORDER BY f.sequence LIMIT ?
            """
        ).bind([.int(after), .int(windowEnd)] + scope.values + [.int(Int64(max(0, limit)))])
        let events = try feedEvents(statement)
        let scanned = events.count >= limit ? (events.last?.sequence ?? after) : max(after, windowEnd)
        return (events, scanned)
    }

    // MARK: access log

    private static let logColumns = "sequence, time, key_id, entity_id, fields, purpose, route, previous_hash, hash"

    private func logEntry(_ statement: any SQLStatement) -> AccessLogEntry {
        AccessLogEntry(
            sequence: statement.int(0), time: statement.text(1), keyID: statement.text(2), entityID: statement.text(3),
            fields: statement.text(4).split(separator: ",").map(String.init), purpose: statement.text(5), route: statement.text(6),
            previousHash: statement.text(7), hash: statement.text(8))
    }

    func lastAccessLogEntry() throws -> AccessLogEntry? {
        let statement = try connection.statement("SELECT \(Self.logColumns) FROM access_log ORDER BY sequence DESC LIMIT 1")
        return try statement.step() ? logEntry(statement) : nil
    }

    func accessLog(entityID: String) throws -> [AccessLogEntry] {
        let statement = try connection.statement("SELECT \(Self.logColumns) FROM access_log WHERE entity_id = ? ORDER BY sequence")
            .bind(.text(entityID))
        return try statement.rows { statement in logEntry(statement) }
    }

    func forEachAccessLogEntry(_ each: (AccessLogEntry) throws -> Void) throws {
        try scanPages("SELECT \(Self.logColumns) FROM access_log WHERE sequence > ? ORDER BY sequence LIMIT ?") { statement in
            let entry = logEntry(statement)
            try each(entry)
            return entry.sequence
        }
    }

    func appendAccessLog(_ entry: AccessLogEntry) throws -> Int64 {
        // The sequence the caller chained to (`entry.sequence`, one past the head it read), so an append that raced
        // another fails on the key instead of forking the chain; 0 = the next one.
        let values: [SQLValue] = [
            .text(entry.time), .text(entry.keyID), .text(entry.entityID), .text(entry.fields.joined(separator: ",")),
            .text(entry.purpose), .text(entry.route), .text(entry.previousHash), .text(entry.hash),
        ]
        if entry.sequence > 0 {
            // Known already: the insert needs no answer (PostgreSQL pipelines it; a clash fails the commit).
            try connection.statement(
                "INSERT INTO access_log (sequence, time, key_id, entity_id, fields, purpose, route, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            ).bind([.int(entry.sequence)] + values).run()
            return entry.sequence
        }
        return try connection.insert(
            """
            INSERT INTO access_log (sequence, time, key_id, entity_id, fields, purpose, route, previous_hash, hash)
            VALUES (CASE WHEN CAST(? AS BIGINT) > 0 THEN CAST(? AS BIGINT) ELSE (SELECT coalesce(max(sequence), 0) + 1 FROM access_log) END,
                ?, ?, ?, ?, ?, ?, ?, ?)
            """, returningKey: "sequence", [.int(entry.sequence), .int(entry.sequence)] + values)
    }
}
