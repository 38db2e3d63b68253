import Domain
import Foundation
import Storage

/// Write operations of one transaction, on any SQL engine (reads are in `SQLTransaction+Reads.swift`).
struct SQLTransaction: StoreTransaction, AccessLogAppender {
    let connection: any SQLConnection
    /// The transaction's last appended feed sequence: appends count on from the head read once.
    private let appended = AppendedFeed()
    /// Ids for new mentions taken ahead from the engine's sequence (PostgreSQL).
    private let mentionIDs = MentionIDBlock()

    init(connection: any SQLConnection) {
        self.connection = connection
    }

    func stage(_ mention: Mention, content body: String, contentHash: String, recordDigest: String?, knownNew: Bool, at time: String)
        throws -> (StoredMention, StageOutcome)
    {
        let digest = SQLValue.optional(recordDigest)
        if !knownNew, let existing = try existingVersion(mention.key) {
            if existing.hash == contentHash && !existing.retired {
                if existing.recordDigest != recordDigest {
                    try connection.statement("UPDATE mentions SET raw_digest = ? WHERE id = ?").bind(digest, .int(existing.id)).run()
                }
                return (StoredMention(id: existing.id, mention: mention, version: existing.version, contentHash: contentHash), .unchanged)
            }
            let version = existing.version + 1
            try connection.statement(
                """
                UPDATE mentions SET version = ?, content_hash = ?, body = ?, location = ?, registry = ?, updated_at = ?, raw_digest = ?,
                    retired_at = NULL
                WHERE id = ?
                """
            ).bind(
                .int(Int64(version)), .text(contentHash), .text(body), .text(try StoredJSON.encode(mention.location)),
                .text(mention.registry), .text(time), digest, .int(existing.id)
            ).run()
            try insertVersion(id: existing.id, version: version, hash: contentHash, body: body, at: time)
            return (StoredMention(id: existing.id, mention: mention, version: version, contentHash: contentHash), .updated)
        }
        let values: [SQLValue] = [
            .text(mention.key.source), .text(mention.key.kind.rawValue), .text(mention.key.recordKey),
            .text(mention.registry), .text(contentHash), .text(body), .text(try StoredJSON.encode(mention.location)),
            .text(time), .text(time), digest,
        ]
        let id: Int64
        if let allocated = try mentionIDs.next(on: connection) {
            // Known before the insert: it is sent without waiting (PostgreSQL pipelines it).
            id = allocated
            try connection.statement(
                """
                INSERT INTO mentions (
                    id, source, kind, record_key, registry, version, content_hash, body, location, ingested_at, updated_at, raw_digest)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
                """
            ).bind([.int(id)] + values).run()
        } else {
            id = try connection.insert(
                """
                INSERT INTO mentions (
                    source, kind, record_key, registry, version, content_hash, body, location, ingested_at, updated_at, raw_digest)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
                """, returningKey: "id", values)
        }
        try insertVersion(id: id, version: 1, hash: contentHash, body: body, at: time)
        return (StoredMention(id: id, mention: mention, version: 1, contentHash: contentHash), .inserted)
    }

    /// The stored row id, version, hash, record fingerprint and tombstone flag of a mention key, without decoding its body.
    private func existingVersion(_ key: MentionKey) throws
        -> (id: Int64, version: Int, hash: String, recordDigest: String?, retired: Bool)?
    {
        let statement = try connection.statement(
            """
            SELECT id, version, content_hash, raw_digest, retired_at IS NOT NULL FROM mentions
            WHERE source = ? AND kind = ? AND record_key = ?
            """
        ).bind(.text(key.source), .text(key.kind.rawValue), .text(key.recordKey))
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return (statement.int(0), Int(statement.int(1)), statement.text(2), statement.optionalText(3), statement.int(4) != 0)
    }

    /// The tombstone version's content hash and body: no content (a retired mention's last content is the version
    /// before it).
    static let tombstoneHash = "tombstone"

    func retireMention(id: Int64, at time: String) throws -> [Int64]? {
        let current = try connection.statement("SELECT version FROM mentions WHERE id = ? AND retired_at IS NULL").bind(.int(id))
        guard try current.step() else { return nil }
        let version = current.int(0) + 1
        current.reset()
        try connection.statement("UPDATE mentions SET version = ?, retired_at = ?, updated_at = ?, raw_digest = NULL WHERE id = ?")
            .bind(.int(version), .text(time), .text(time), .int(id)).run()
        try insertVersion(id: id, version: Int(version), hash: Self.tombstoneHash, body: "null", at: time)
        let others = try connection.statement(
            """
            SELECT DISTINCT o.other FROM (
                SELECT to_mention AS other FROM mention_links WHERE from_mention = ?1
                UNION ALL
                SELECT from_mention AS other FROM mention_links WHERE to_mention = ?1
            ) o JOIN mentions m ON m.id = o.other
            WHERE m.retired_at IS NULL AND m.id != ?1
            ORDER BY o.other
            """
        ).bind(.int(id))
        var linked: [Int64] = []
        while try others.step() { linked.append(others.int(0)) }
        for sql in [
            // Two equalities, not an OR: see `links(ofMentions:)` on PostgreSQL's generic plans.
            "DELETE FROM mention_links WHERE from_mention = ?1",
            "DELETE FROM mention_links WHERE to_mention = ?1",
            "DELETE FROM entity_members WHERE mention_id = ?1",
            "DELETE FROM person_index WHERE mention_id = ?1",
            "DELETE FROM person_legacy_numbers WHERE mention_id = ?1",
            "DELETE FROM blocking_keys WHERE mention_id = ?1",
        ] {
            try connection.statement(sql).bind(.int(id)).run()
        }
        return linked
    }

    private func insertVersion(id: Int64, version: Int, hash: String, body: String, at time: String) throws {
        try connection.statement(
            "INSERT INTO mention_versions (mention_id, version, content_hash, body, ingested_at) VALUES (?, ?, ?, ?, ?)"
        ).bind(.int(id), .int(Int64(version)), .text(hash), .text(body), .text(time)).run()
    }

    func replaceLinks(stated links: [MentionLink], ids known: [MentionKey: Int64], firstIsNew: Bool, at time: String) throws -> Bool {
        guard let first = links.first else { return false }
        func id(_ key: MentionKey) throws -> Int64? { try known[key] ?? mentionID(key) }
        guard let fromID = try id(first.from) else {
            throw StoreError.engine("link from unstaged mention \(first.from)")
        }
        // The links the first mention states now, read once (a mention inserted in this transaction states none).
        var existing: [String: Int64] = [:]
        if !firstIsNew {
            let statement = try connection.statement("SELECT id, type, to_mention FROM mention_links WHERE from_mention = ?")
                .bind(.int(fromID))
            while try statement.step() { existing["\(statement.text(1))|\(fromID)|\(statement.int(2))"] = statement.int(0) }
        }
        var wanted: Set<String> = []
        var changed = false
        let insert = """
            INSERT INTO mention_links (type, from_mention, to_mention, attributes, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (type, from_mention, to_mention) DO NOTHING
            """
        for link in links {
            guard let from = try id(link.from), let to = try id(link.to) else {
                throw StoreError.engine("link between unstaged mentions \(link.from) → \(link.to)")
            }
            let key = "\(link.type.rawValue)|\(from)|\(to)"
            guard wanted.insert(key).inserted, existing[key] == nil else { continue }
            let values: [SQLValue] = [.text(link.type.rawValue), .int(from), .int(to), .text(try StoredJSON.encode(link.attributes)), .text(time)]
            if from == fromID {
                // Not among the links read: it is new (sent without waiting).
                try connection.statement(insert).bind(values).run()
                changed = true
            } else {
                changed = try connection.statement(insert).bind(values).runCountingChanges() > 0 || changed
            }
        }
        for (key, link) in existing.sorted(by: { $0.value < $1.value }) where !wanted.contains(key) {
            try connection.statement("DELETE FROM mention_links WHERE id = ?").bind(.int(link)).run()
            changed = true
        }
        return changed
    }

    private func mentionID(_ key: MentionKey) throws -> Int64? {
        let statement = try connection.statement(
            "SELECT id FROM mentions WHERE source = ? AND kind = ? AND record_key = ?"
        ).bind(.text(key.source), .text(key.kind.rawValue), .text(key.recordKey))
        return try statement.step() ? statement.int(0) : nil
    }

    func quarantine(source: String, location: SourceLocation, rawText: String, record: RawNode?, reasons: [Finding], at time: String) throws
        -> Bool
    {
        let locationText = try StoredJSON.encode(location)
        let fingerprint = "\(location.description)|\(rawText.hashValueStable)"
        return try connection.statement(
            """
            INSERT INTO quarantine (source, location, raw, reasons, fingerprint, quarantined_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, fingerprint) DO UPDATE SET status = 'open', reasons = excluded.reasons, record = excluded.record
                WHERE quarantine.status != 'open'
            """
        ).bind(
            .text(source), .text(locationText), .text(rawText), .text(try StoredJSON.encode(reasons)), .text(fingerprint), .text(time),
            .optional(record?.jsonText)
        ).runCountingChanges() > 0
    }

    func updateQuarantined(id: Int64, status: String, reasons: [Finding]) throws {
        try connection.statement("UPDATE quarantine SET status = ?, reasons = ? WHERE id = ?")
            .bind(.text(status), .text(try StoredJSON.encode(reasons)), .int(id)).run()
    }

    func supersedeQuarantine(source: String) throws {
        try connection.statement("UPDATE quarantine SET status = 'superseded' WHERE source = ? AND status = 'open'").bind(.text(source)).run()
    }

    func createEntity(id: String, kind: EntityKind, at time: String) throws {
        try connection.statement("INSERT INTO entities (id, kind, status, created_at, updated_at) VALUES (?, ?, 'active', ?, ?)")
            .bind(.text(id), .text(kind.rawValue), .text(time), .text(time)).run()
    }

    func retireEntity(id: String, redirectTo: String?, at time: String) throws {
        try connection.statement("UPDATE entities SET status = 'retired', redirect_to = ?, updated_at = ? WHERE id = ?")
            .bind(.optional(redirectTo), .text(time), .text(id)).run()
        if let redirectTo {
            // Entities that redirected here now redirect to the survivor: a redirect is always one hop.
            try connection.statement("UPDATE entities SET redirect_to = ?, updated_at = ? WHERE redirect_to = ?")
                .bind(.text(redirectTo), .text(time), .text(id)).run()
        }
    }

    func assign(mentionID: Int64, toEntity entityID: String, rule: String, at time: String) throws {
        try connection.statement(
            """
            INSERT INTO entity_members (mention_id, entity_id, rule, assigned_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (mention_id) DO UPDATE SET entity_id = excluded.entity_id, rule = excluded.rule,
                assigned_at = excluded.assigned_at
            """
        ).bind(.int(mentionID), .text(entityID), .text(rule), .text(time)).run()
    }

    func bindKey(kind: EntityKind, keyType: String, keyValue: String, toEntity entityID: String) throws {
        try connection.statement(
            """
            INSERT INTO entity_keys (kind, key_type, key_value, entity_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (kind, key_type, key_value) DO UPDATE SET entity_id = excluded.entity_id
            """
        ).bind(.text(kind.rawValue), .text(keyType), .text(keyValue), .text(entityID)).run()
    }

    func unbindKeys(ofEntity entityID: String) throws {
        try connection.statement("DELETE FROM entity_keys WHERE entity_id = ?").bind(.text(entityID)).run()
    }

    func putGoldenRecord(_ record: GoldenRecord, json: String, at time: String) throws {
        try connection.statement(
            """
            INSERT INTO golden_records (entity_id, kind, version, body, updated_at) VALUES (?, ?, 1, ?, ?)
            ON CONFLICT (entity_id) DO UPDATE SET version = golden_records.version + 1, body = excluded.body,
                updated_at = excluded.updated_at
            """
        ).bind(.text(record.entityID), .text(record.body.kind.rawValue), .text(json), .text(time))
            .run()
        try connection.statement("UPDATE entities SET updated_at = ? WHERE id = ?").bind(.text(time), .text(record.entityID))
            .run()
    }

    func deleteGoldenRecord(entityID: String) throws {
        try connection.statement("DELETE FROM golden_records WHERE entity_id = ?").bind(.text(entityID)).run()
    }

    func appendFeedEvent(type: FeedEventType, subject: String, kind: EntityKind, data: String, at time: String) throws
        -> FeedEvent
    {
        let id = RandomUUID.lowercased()
        // Sequences are contiguous on every engine: the next one is taken under the store's single writer (a
        // PostgreSQL sequence would leave a gap for every rolled-back batch). The head is read once per transaction,
        // then counted on, so the insert needs no answer (PostgreSQL pipelines it).
        let sequence = try appended.next { try feedHead() }
        try connection.statement("INSERT INTO feed_events (sequence, id, type, subject, kind, time, data) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(.int(sequence), .text(id), .text(type.rawValue), .text(subject), .text(kind.rawValue), .text(time), .text(data)).run()
        appended.appended(sequence)
        return FeedEvent(
            sequence: sequence, id: id, type: type, subject: subject, kind: kind, time: time, data: data)
    }

    func setCheckpoint(source: String, key: String, value: String?, at time: String) throws {
        guard let value else {
            try connection.statement("DELETE FROM checkpoints WHERE source = ? AND key = ?").bind(.text(source), .text(key)).run()
            return
        }
        try connection.statement(
            """
            INSERT INTO checkpoints (source, key, value, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (source, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """
        ).bind(.text(source), .text(key), .text(value), .text(time)).run()
    }

    func startRun(source: String, at time: String) throws -> Int64 {
        try connection.insert(
            "INSERT INTO job_runs (source, status, started_at) VALUES (?, 'running', ?)", returningKey: "id", [.text(source), .text(time)])
    }

    func finishRun(id: Int64, status: String, counts: RunCounts, error: String?, at time: String) throws {
        try connection.statement("UPDATE job_runs SET status = ?, finished_at = ?, counts = ?, error = ? WHERE id = ?")
            .bind(.text(status), .text(time), .text(try StoredJSON.encode(counts)), .optional(error), .int(id)).run()
    }
}

extension String {
    /// FNV-1a 64 of the UTF-8 bytes, as hex: a stable fingerprint (Swift's `hashValue` is seeded per process).
    var hashValueStable: String {
        String(FNV1a.hash(self), radix: 16)
    }
}
