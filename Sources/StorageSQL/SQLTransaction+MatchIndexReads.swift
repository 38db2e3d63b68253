import Domain
import Storage

/// Reads of the resolver's state (person index, blocking keys, memberships, constraints, review queue,
/// lineage, models).
extension SQLTransaction {
    private static let personColumns = """
        mention_id, full_name, folded_full_name, folded_family, folded_middle, folded_given, birth_date, sex,
        personal_number, legacy_numbers, commune_codes, province_codes, document_numbers, streets, postal_codes
        """

    private func personEntry(_ statement: any SQLStatement) -> PersonIndexEntry {
        func list(_ column: Int32, separator: Character = ",") -> [String] {
            let text = statement.text(column)
            return text.isEmpty ? [] : text.split(separator: separator).map(String.init)
        }
        return PersonIndexEntry(
            mentionID: statement.int(0), fullName: statement.text(1), foldedFullName: statement.text(2),
            foldedFamily: statement.text(3), foldedMiddle: statement.text(4), foldedGiven: statement.text(5),
            birthDate: statement.optionalText(6), sex: statement.optionalText(7), personalNumber: statement.optionalText(8),
            legacyNumbers: list(9), documentNumbers: list(12), streets: list(13, separator: "\u{1F}"), postalCodes: list(14), communeCodes: list(10), provinceCodes: list(11))
    }

    func personIndexEntries(mentionIDs: [Int64]) throws -> [PersonIndexEntry] {
        var entries: [PersonIndexEntry] = []
        try connection.forEachRun(
            of: "SELECT \(Self.personColumns) FROM person_index WHERE mention_id = ?", with: Set(mentionIDs).sorted().map { [.int($0)] }
        ) { _, statement in
            if try statement.step() { entries.append(personEntry(statement)) }
        }
        return entries
    }

    func forEachPersonIndexEntry(_ body: (PersonIndexEntry) throws -> Void) throws {
        try scanPages(
            "SELECT \(Self.personColumns) FROM person_index WHERE mention_id > ? ORDER BY mention_id LIMIT ?"
        ) { statement in
            let entry = personEntry(statement)
            try body(entry)
            return entry.mentionID
        }
    }

    func personIndexCount() throws -> Int {
        let statement = try connection.statement("SELECT count(*) FROM person_index")
        return try statement.step() ? Int(statement.int(0)) : 0
    }

    func mentionIDs(sharing keys: [BlockingKeyHash]) throws -> Set<Int64> {
        var ids: Set<Int64> = []
        try connection.forEachRun(
            of: "SELECT mention_id FROM blocking_keys WHERE rule = ? AND key_hash = ?", with: Set(keys).map { [.text($0.rule), .int($0.hash)] }
        ) { _, statement in
            while try statement.step() { ids.insert(statement.int(0)) }
        }
        return ids
    }

    func memberships(ofMentions ids: [Int64]) throws -> [Int64: String] {
        try connection.lookUp("SELECT entity_id FROM entity_members WHERE mention_id = ?", keys: ids, parameters: { [.int($0)] }) {
            statement, _ in statement.text(0)
        }
    }

    func memberships(kind: EntityKind) throws -> [Int64: String] {
        let statement = try connection.statement(
            "SELECT e.mention_id, e.entity_id FROM entity_members e JOIN entities n ON n.id = e.entity_id WHERE n.kind = ?"
        ).bind(.text(kind.rawValue))
        var result: [Int64: String] = [:]
        while try statement.step() { result[statement.int(0)] = statement.text(1) }
        return result
    }

    func memberIDs(ofEntity id: String) throws -> [Int64] {
        let statement = try connection.statement("SELECT mention_id FROM entity_members WHERE entity_id = ? ORDER BY mention_id")
            .bind(.text(id))
        return try statement.rows { statement in statement.int(0) }
    }

    func mentionKeys(ids: [Int64]) throws -> [Int64: MentionKey] {
        try connection.lookUp("SELECT source, kind, record_key FROM mentions WHERE id = ?", keys: ids, parameters: { [.int($0)] }) {
            statement, id in
            guard let kind = EntityKind(rawValue: statement.text(1)) else { throw StoreError.corruptRow("mention \(id)") }
            return MentionKey(source: statement.text(0), kind: kind, recordKey: statement.text(2))
        }
    }

    func pairConstraints(touching ids: [Int64]?) throws -> [PairConstraint] {
        let columns = "first_mention, second_mention, kind, actor, reason, created_at"
        var result: Set<PairConstraint> = []
        func collect(_ statement: any SQLStatement) throws {
            while try statement.step() {
                guard let kind = PairConstraint.Kind(rawValue: statement.text(2)) else {
                    throw StoreError.corruptRow("pair constraint \(statement.int(0))–\(statement.int(1))")
                }
                result.insert(
                    PairConstraint(
                        statement.int(0), statement.int(1), kind: kind, actor: statement.text(3), reason: statement.optionalText(4),
                        createdAt: statement.text(5)))
            }
        }
        guard let ids else {
            try collect(try connection.statement("SELECT \(columns) FROM pair_constraints"))
            return result.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
        }
        try connection.forEachRun(
            of: "SELECT \(columns) FROM pair_constraints WHERE first_mention = ?1 UNION SELECT \(columns) FROM pair_constraints WHERE second_mention = ?1",
            with: Set(ids).map { [.int($0)] }
        ) { _, statement in try collect(statement) }
        return result.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    static let reviewColumns = "id, type, first_mention, second_mention, probability, detail, status, created_at, updated_at"

    func reviewItem(_ statement: any SQLStatement) throws -> ReviewItem {
        guard let type = ReviewType(rawValue: statement.text(1)), let status = ReviewStatus(rawValue: statement.text(6)) else {
            throw StoreError.corruptRow("review item \(statement.int(0))")
        }
        return ReviewItem(
            id: statement.int(0), type: type, first: statement.int(2), second: statement.int(3), probability: statement.double(4),
            detail: statement.text(5), status: status, createdAt: statement.text(7), updatedAt: statement.text(8))
    }

    func openReviewItemCounts() throws -> [String: Int] {
        let statement = try connection.statement("SELECT type, count(*) FROM review_items WHERE status = 'open' GROUP BY type")
        var counts: [String: Int] = [:]
        while try statement.step() { counts[statement.text(0)] = Int(statement.int(1)) }
        return counts
    }

    func reviewItems(status: ReviewStatus?, limit: Int) throws -> [ReviewItem] {
        let statement = try connection.statement(
            "SELECT \(Self.reviewColumns) FROM review_items WHERE (CAST(?1 AS TEXT) IS NULL OR status = ?1) ORDER BY created_at, id LIMIT ?2"
        ).bind(.optional(status?.rawValue), .int(Int64(max(0, limit))))
        return try statement.rows { statement in try reviewItem(statement) }
    }

    func openReviewItems(touching ids: [Int64]?) throws -> [ReviewItem] {
        guard let ids else { return try reviewItems(status: .open, limit: Int(Int32.max)) }
        var items: [Int64: ReviewItem] = [:]
        try connection.forEachRun(
            of: """
                SELECT \(Self.reviewColumns) FROM review_items WHERE status = 'open' AND first_mention = ?1
                UNION SELECT \(Self.reviewColumns) FROM review_items WHERE status = 'open' AND second_mention = ?1
                """, with: Set(ids).map { [.int($0)] }
        ) { _, statement in
            while try statement.step() {
                let item = try reviewItem(statement)
                items[item.id] = item
            }
        }
        return items.values.sorted { $0.id < $1.id }
    }

    func lineage(ofEntity id: String) throws -> [LineageRecord] {
        let statement = try connection.statement(
            "SELECT kind, from_entity, to_entity, mentions, time FROM entity_lineage WHERE from_entity = ?1 OR to_entity = ?1 ORDER BY id"
        ).bind(.text(id))
        var records: [LineageRecord] = []
        while try statement.step() {
            guard let kind = LineageRecord.Kind(rawValue: statement.text(0)) else { throw StoreError.corruptRow("lineage of \(id)") }
            let mentions = statement.text(3).split(separator: ",").compactMap { Int64($0) }
            records.append(LineageRecord(kind: kind, from: statement.text(1), to: statement.text(2), mentions: mentions, time: statement.text(4)))
        }
        return records
    }

    func indexedBlockingRules() throws -> [String: String] {
        let statement = try connection.statement("SELECT rule, parts FROM blocking_rules_indexed")
        var rules: [String: String] = [:]
        while try statement.step() { rules[statement.text(0)] = statement.text(1) }
        return rules
    }

    func activeModel() throws -> StoredModel? {
        try models().first(where: \.active)
    }

    func activeModelVersion() throws -> String? {
        let statement = try connection.statement("SELECT version FROM match_models WHERE active = 1")
        defer { statement.reset() }
        return try statement.step() ? statement.text(0) : nil
    }

    func models() throws -> [StoredModel] {
        let statement = try connection.statement(
            "SELECT version, created_at, parameters, active FROM match_models ORDER BY created_at DESC, version DESC")
        var models: [StoredModel] = []
        while try statement.step() {
            models.append(
                StoredModel(version: statement.text(0), createdAt: statement.text(1), json: statement.text(2), active: statement.int(3) != 0))
        }
        return models
    }
}
