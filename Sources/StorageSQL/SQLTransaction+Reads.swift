import Domain
import Storage

extension SQLTransaction {
    /// Columns 0…7 are read by `storedMention`; column 8 says whether the mention is retired.
    static let mentionColumns = "id, body, version, content_hash, source, kind, record_key, location, retired_at IS NOT NULL"

    /// A mention from columns 0…7 of a row (`retired` from elsewhere: reads of live mentions only pass false).
    func storedMention(_ statement: any SQLStatement, retired: Bool = false) throws -> StoredMention {
        guard let kind = EntityKind(rawValue: statement.text(5)) else { throw StoreError.corruptRow("mention \(statement.int(0))") }
        let content = try StoredJSON.read(MentionContent.self, statement.text(1), what: "mention")
        let location = try StoredJSON.read(SourceLocation.self, statement.text(7), what: "mention location")
        let key = MentionKey(source: statement.text(4), kind: kind, recordKey: statement.text(6))
        return StoredMention(
            id: statement.int(0), mention: content.mention(key: key, location: location), version: Int(statement.int(2)),
            contentHash: statement.text(3), retired: retired)
    }

    func mention(id: Int64) throws -> StoredMention? {
        let statement = try connection.statement("SELECT \(Self.mentionColumns) FROM mentions WHERE id = ?").bind(.int(id))
        return try statement.step() ? try storedMention(statement, retired: statement.int(8) != 0) : nil
    }

    func mention(key: MentionKey) throws -> StoredMention? {
        let statement = try connection.statement(
            "SELECT \(Self.mentionColumns) FROM mentions WHERE source = ? AND kind = ? AND record_key = ?"
        ).bind(.text(key.source), .text(key.kind.rawValue), .text(key.recordKey))
        return try statement.step() ? try storedMention(statement, retired: statement.int(8) != 0) : nil
    }

    func entityID(ofMention id: Int64) throws -> String? {
        let statement = try connection.statement("SELECT entity_id FROM entity_members WHERE mention_id = ?").bind(.int(id))
        return try statement.step() ? statement.text(0) : nil
    }

    static let entitySQL = "SELECT id, kind, status, redirect_to FROM entities WHERE id = ?"

    func entityRow(_ statement: any SQLStatement) throws -> EntityRow {
        guard let kind = EntityKind(rawValue: statement.text(1)), let status = EntityRow.Status(rawValue: statement.text(2))
        else { throw StoreError.corruptRow("entity \(statement.text(0))") }
        return EntityRow(id: statement.text(0), kind: kind, status: status, redirectTo: statement.optionalText(3))
    }

    func entity(id: String) throws -> EntityRow? {
        let statement = try connection.statement(Self.entitySQL).bind(.text(id))
        return try statement.step() ? try entityRow(statement) : nil
    }

    static let membersSQL = """
        SELECT m.id, m.body, m.version, m.content_hash, m.source, m.kind, m.record_key, m.location
        FROM entity_members e JOIN mentions m ON m.id = e.mention_id
        WHERE e.entity_id = ? AND m.retired_at IS NULL ORDER BY m.id
        """

    func members(ofEntity id: String) throws -> [StoredMention] {
        try connection.statement(Self.membersSQL).bind(.text(id)).rows { statement in try storedMention(statement) }
    }

    func entityID(kind: EntityKind, keyType: String, keyValue: String) throws -> String? {
        let statement = try connection.statement(
            "SELECT entity_id FROM entity_keys WHERE kind = ? AND key_type = ? AND key_value = ?"
        ).bind(.text(kind.rawValue), .text(keyType), .text(keyValue))
        return try statement.step() ? statement.text(0) : nil
    }

    func goldenRecord(entityID: String) throws -> GoldenRecord? {
        let statement = try connection.statement("SELECT body FROM golden_records WHERE entity_id = ?").bind(.text(entityID))
        return try statement.step() ? try StoredJSON.decode(GoldenRecord.self, statement.text(0), what: "golden record") : nil
    }

    func goldenRecordJSON(entityID: String) throws -> String? {
        let statement = try connection.statement("SELECT body FROM golden_records WHERE entity_id = ?").bind(.text(entityID))
        return try statement.step() ? statement.text(0) : nil
    }

    /// The links from or to any of the mentions, once each, by link id.
    func links(ofMentions ids: [Int64]) throws -> [MentionLink] {
        var result: [(id: Int64, link: MentionLink)] = []
        var seen: Set<Int64> = []
        // One equality per branch, not `from_mention = ?1 OR to_mention = ?1`: PostgreSQL keeps the generic plan of a
        // prepared statement made while the table was small, and for the OR that plan is a sequential scan, repeated
        // for every mention of a load as the table grows inside its one transaction (quadratic: a land file of 86,539
        // rows did not load in 400 s, bench/postgres-plans.sh). Each branch's plan is an index lookup at any size.
        try connection.forEachRun(
            of: """
                SELECT l.id, l.type, l.attributes, f.source, f.kind, f.record_key, t.source, t.kind, t.record_key
                FROM mention_links l JOIN mentions f ON f.id = l.from_mention JOIN mentions t ON t.id = l.to_mention
                WHERE l.from_mention = ?1
                UNION ALL
                SELECT l.id, l.type, l.attributes, f.source, f.kind, f.record_key, t.source, t.kind, t.record_key
                FROM mention_links l JOIN mentions f ON f.id = l.from_mention JOIN mentions t ON t.id = l.to_mention
                WHERE l.to_mention = ?1
                """, with: ids.map { [.int($0)] }
        ) { _, statement in
            while try statement.step() {
                let id = statement.int(0)
                guard seen.insert(id).inserted else { continue }
                guard let type = LinkType(rawValue: statement.text(1)), let fromKind = EntityKind(rawValue: statement.text(4)),
                    let toKind = EntityKind(rawValue: statement.text(7))
                else { throw StoreError.corruptRow("link \(id)") }
                result.append((id, MentionLink(
                    type: type, from: MentionKey(source: statement.text(3), kind: fromKind, recordKey: statement.text(5)),
                    to: MentionKey(source: statement.text(6), kind: toKind, recordKey: statement.text(8)),
                    attributes: try StoredJSON.decode([String: String].self, statement.text(2), what: "link attributes"))))
            }
        }
        return result.sorted { $0.id < $1.id }.map(\.link)
    }

    func feed(after: Int64, limit: Int) throws -> [FeedEvent] {
        try feedEvents(
            try connection.statement(
                "SELECT sequence, id, type, subject, kind, time, data FROM feed_events WHERE sequence > ? ORDER BY sequence LIMIT ?"
            ).bind(.int(after), .int(Int64(max(0, limit)))))
    }

    func feed(subject: String) throws -> [FeedEvent] {
        try feedEvents(
            try connection.statement(
                "SELECT sequence, id, type, subject, kind, time, data FROM feed_events WHERE subject = ? ORDER BY sequence"
            ).bind(.text(subject)))
    }

    func feedEvents(_ statement: any SQLStatement) throws -> [FeedEvent] {
        var events: [FeedEvent] = []
        while try statement.step() {
            guard let type = FeedEventType(rawValue: statement.text(2)), let kind = EntityKind(rawValue: statement.text(4)) else {
                throw StoreError.corruptRow("feed event \(statement.int(0))")
            }
            events.append(
                FeedEvent(
                    sequence: statement.int(0), id: statement.text(1), type: type, subject: statement.text(3), kind: kind,
                    time: statement.text(5), data: statement.text(6)))
        }
        return events
    }

    func clusterAssignments(kind: EntityKind, _ each: (ClusterAssignment) throws -> Void) throws {
        let statement = try connection.statement(
            """
            SELECT m.source, m.record_key, coalesce(e.entity_id, '') FROM mentions m
            LEFT JOIN entity_members e ON e.mention_id = m.id
            WHERE m.kind = ? AND m.retired_at IS NULL ORDER BY m.source, m.record_key
            """
        ).bind(.text(kind.rawValue))
        while try statement.step() {
            try each(ClusterAssignment(source: statement.text(0), recordKey: statement.text(1), entityID: statement.text(2)))
        }
    }

    func forEachMention(_ each: (StoredMention, String?) throws -> Void) throws {
        try scanPages(
            """
            SELECT m.id, m.body, m.version, m.content_hash, m.source, m.kind, m.record_key, m.location, e.entity_id
            FROM mentions m LEFT JOIN entity_members e ON e.mention_id = m.id WHERE m.retired_at IS NULL AND m.id > ?
            ORDER BY m.id LIMIT ?
            """
        ) { statement in
            let mention = try storedMention(statement)
            try each(mention, statement.optionalText(8))
            return mention.id
        }
    }

    /// A retired mention has no fingerprint (`retireMention` clears it), so no filter is needed here.
    func mentionIDs(recordDigest: String) throws -> [Int64] {
        try ids(connection.statement("SELECT id FROM mentions WHERE raw_digest = ?").bind(.text(recordDigest)))
    }

    func hasMentions(source: String) throws -> Bool {
        let statement = try connection.statement("SELECT 1 FROM mentions WHERE source = ? LIMIT 1").bind(.text(source))
        defer { statement.reset() }
        return try statement.step()
    }

    func mentionIDs(source: String) throws -> [Int64] {
        try ids(connection.statement("SELECT id FROM mentions WHERE source = ? AND retired_at IS NULL ORDER BY id").bind(.text(source)))
    }

    func mentionIDs(unresolvedOnly: Bool) throws -> [Int64] {
        try ids(
            connection.statement(
                unresolvedOnly
                    ? """
                    SELECT m.id FROM mentions m LEFT JOIN entity_members e ON e.mention_id = m.id
                    WHERE e.mention_id IS NULL AND m.retired_at IS NULL ORDER BY m.id
                    """
                    : "SELECT id FROM mentions WHERE retired_at IS NULL ORDER BY id"))
    }

    private func ids(_ statement: any SQLStatement) throws -> [Int64] {
        defer { statement.reset() }
        return try statement.rows { statement in statement.int(0) }
    }

    private static let quarantineColumns = "id, source, location, raw, reasons, quarantined_at, status, record"

    private func quarantinedRecord(_ statement: any SQLStatement) throws -> QuarantinedRecord {
        QuarantinedRecord(
            id: statement.int(0), source: statement.text(1),
            location: try StoredJSON.decode(SourceLocation.self, statement.text(2), what: "quarantine location"),
            rawText: statement.text(3), reasons: try StoredJSON.decode([Finding].self, statement.text(4), what: "quarantine reasons"),
            quarantinedAt: statement.text(5), status: statement.text(6), recordJSON: statement.optionalText(7))
    }

    func quarantined(source: String?, includeRetried: Bool, limit: Int) throws -> [QuarantinedRecord] {
        let statement = try connection.statement(
            """
            SELECT \(Self.quarantineColumns) FROM quarantine
            WHERE (CAST(?1 AS TEXT) IS NULL OR source = ?1) AND (?2 = 1 OR status = 'open') ORDER BY id LIMIT ?3
            """
        ).bind(.optional(source), .int(includeRetried ? 1 : 0), .int(Int64(max(0, limit))))
        return try statement.rows { statement in try quarantinedRecord(statement) }
    }

    func quarantinedRecord(id: Int64) throws -> QuarantinedRecord? {
        let statement = try connection.statement("SELECT \(Self.quarantineColumns) FROM quarantine WHERE id = ?").bind(.int(id))
        defer { statement.reset() }
        return try statement.step() ? try quarantinedRecord(statement) : nil
    }

    func checkpoint(source: String, key: String) throws -> String? {
        let statement = try connection.statement("SELECT value FROM checkpoints WHERE source = ? AND key = ?")
            .bind(.text(source), .text(key))
        return try statement.step() ? statement.text(0) : nil
    }

    func summary() throws -> StoreSummary {
        func counts(_ sql: String) throws -> [String: Int] {
            let statement = try connection.statement(sql)
            var result: [String: Int] = [:]
            while try statement.step() { result[statement.text(0)] = Int(statement.int(1)) }
            return result
        }
        func scalar(_ sql: String) throws -> Int64 {
            let statement = try connection.statement(sql)
            return try statement.step() ? statement.int(0) : 0
        }
        return StoreSummary(
            mentionsByKind: try counts("SELECT kind, count(*) FROM mentions WHERE retired_at IS NULL GROUP BY kind"),
            entitiesByKind: try counts("SELECT kind, count(*) FROM entities WHERE status = 'active' GROUP BY kind"),
            quarantined: Int(try scalar("SELECT count(*) FROM quarantine WHERE status = 'open'")),
            feedHead: try scalar("SELECT coalesce(max(sequence), 0) FROM feed_events"),
            links: Int(try scalar("SELECT count(*) FROM mention_links")),
            mentionsRetired: Int(try scalar("SELECT count(*) FROM mentions WHERE retired_at IS NOT NULL")))
    }
}
