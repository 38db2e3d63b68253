import Domain
import Storage

/// Writes of the resolver's state.
extension SQLTransaction {
    func indexPerson(_ entry: PersonIndexEntry, keys: [BlockingKeyHash]) throws {
        try connection.statement(
            """
            INSERT INTO person_index (mention_id, full_name, folded_full_name, folded_family, folded_middle, folded_given,
                birth_date, sex, personal_number, legacy_numbers, commune_codes, province_codes, document_numbers, streets, postal_codes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (mention_id) DO UPDATE SET full_name = excluded.full_name, folded_full_name = excluded.folded_full_name,
                folded_family = excluded.folded_family, folded_middle = excluded.folded_middle, folded_given = excluded.folded_given,
                birth_date = excluded.birth_date, sex = excluded.sex, personal_number = excluded.personal_number,
                legacy_numbers = excluded.legacy_numbers, commune_codes = excluded.commune_codes,
                province_codes = excluded.province_codes, document_numbers = excluded.document_numbers,
                streets = excluded.streets, postal_codes = excluded.postal_codes
            """
        ).bind(
            .int(entry.mentionID), .text(entry.fullName), .text(entry.foldedFullName), .text(entry.foldedFamily),
            .text(entry.foldedMiddle), .text(entry.foldedGiven), .optional(entry.birthDate), .optional(entry.sex),
            .optional(entry.personalNumber), .text(entry.legacyNumbers.joined(separator: ",")),
            .text(entry.communeCodes.joined(separator: ",")), .text(entry.provinceCodes.joined(separator: ",")),
            .text(entry.documentNumbers.joined(separator: ",")), .text(entry.streets.joined(separator: "\u{1F}")),
            .text(entry.postalCodes.joined(separator: ","))
        ).run()
        try connection.statement("DELETE FROM person_legacy_numbers WHERE mention_id = ?").bind(.int(entry.mentionID)).run()
        let legacy = try connection.statement("INSERT INTO person_legacy_numbers (mention_id, number) VALUES (?, ?) ON CONFLICT DO NOTHING")
        for number in entry.legacyNumbers {
            legacy.reset()
            try legacy.bind(.int(entry.mentionID), .text(number)).run()
        }
        try connection.statement("DELETE FROM blocking_keys WHERE mention_id = ?").bind(.int(entry.mentionID)).run()
        let insert = try connection.statement(
            "INSERT INTO blocking_keys (rule, key_hash, mention_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        for key in keys {
            insert.reset()
            try insert.bind(.text(key.rule), .int(key.hash), .int(entry.mentionID)).run()
        }
    }

    func dropBlockingRule(_ rule: String) throws {
        try connection.statement("DELETE FROM blocking_keys WHERE rule = ?").bind(.text(rule)).run()
        try connection.statement("DELETE FROM blocking_rules_indexed WHERE rule = ?").bind(.text(rule)).run()
    }

    func addBlockingKeys(rule: String, _ keys: [(mentionID: Int64, hash: Int64)]) throws {
        struct Key: Hashable {
            var mentionID: Int64
            var hash: Int64
        }
        var seen: Set<Key> = []
        seen.reserveCapacity(keys.count)
        // Made one at a time as the rows are sent: a rule's keys for every stored person can be millions.
        let rows = keys.lazy.filter { seen.insert(Key(mentionID: $0.mentionID, hash: $0.hash)).inserted }
            .map { [SQLValue.text(rule), .int($0.hash), .int($0.mentionID)] }
        try connection.copyRows(into: "blocking_keys", columns: ["rule", "key_hash", "mention_id"], rows: rows)
        WriteFaultInjection.wrote()
    }

    func markBlockingRuleIndexed(_ rule: String, parts: String) throws {
        try connection.statement(
            "INSERT INTO blocking_rules_indexed (rule, parts) VALUES (?, ?) ON CONFLICT (rule) DO UPDATE SET parts = excluded.parts"
        ).bind(.text(rule), .text(parts)).run()
    }

    func saveModel(version: String, json: String, activate: Bool, at time: String) throws {
        if activate { try connection.execute("UPDATE match_models SET active = 0 WHERE active = 1") }
        try connection.statement(
            """
            INSERT INTO match_models (version, created_at, parameters, active) VALUES (?, ?, ?, ?)
            ON CONFLICT (version) DO UPDATE SET parameters = excluded.parameters, active = excluded.active
            """
        ).bind(.text(version), .text(time), .text(json), .int(activate ? 1 : 0)).run()
    }

    func putPairConstraint(_ constraint: PairConstraint) throws {
        try connection.statement(
            """
            INSERT INTO pair_constraints (first_mention, second_mention, kind, actor, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (first_mention, second_mention) DO UPDATE SET kind = excluded.kind, actor = excluded.actor,
                reason = excluded.reason, created_at = excluded.created_at
            """
        ).bind(
            .int(constraint.first), .int(constraint.second), .text(constraint.kind.rawValue), .text(constraint.actor),
            .optional(constraint.reason), .text(constraint.createdAt)
        ).run()
    }

    func raiseReviewItem(type: ReviewType, first a: Int64, second b: Int64, probability: Double, detail: String, at time: String)
        throws -> Int64?
    {
        let first = min(a, b)
        let second = max(a, b)
        let decided = try connection.statement(
            "SELECT 1 FROM review_items WHERE type = ? AND first_mention = ? AND second_mention = ? AND status = 'decided'"
        ).bind(.text(type.rawValue), .int(first), .int(second))
        defer { decided.reset() }
        if try decided.step() { return nil }
        let open = try connection.statement(
            "SELECT id FROM review_items WHERE type = ? AND first_mention = ? AND second_mention = ? AND status = 'open'"
        ).bind(.text(type.rawValue), .int(first), .int(second))
        if try open.step() {
            let id = open.int(0)
            open.reset()
            try connection.statement("UPDATE review_items SET probability = ?, detail = ?, updated_at = ? WHERE id = ?")
                .bind(.double(probability), .text(detail), .text(time), .int(id)).run()
            return id
        }
        return try connection.insert(
            """
            INSERT INTO review_items (type, first_mention, second_mention, probability, detail, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?)
            """, returningKey: "id", [.text(type.rawValue), .int(first), .int(second), .double(probability), .text(detail), .text(time), .text(time)])
    }

    func setReviewStatus(id: Int64, status: ReviewStatus, at time: String) throws {
        try connection.statement("UPDATE review_items SET status = ?, updated_at = ? WHERE id = ?")
            .bind(.text(status.rawValue), .text(time), .int(id)).run()
    }

    func recordLineage(_ record: LineageRecord) throws {
        try connection.statement("INSERT INTO entity_lineage (kind, from_entity, to_entity, mentions, time) VALUES (?, ?, ?, ?, ?)")
            .bind(
                .text(record.kind.rawValue), .text(record.from), .text(record.to),
                .text(record.mentions.map(String.init).joined(separator: ",")), .text(record.time)
            ).run()
    }
}
