import Domain
import Storage

/// Reads of many rows by key at once, for the resolvers and the golden-record refresh: each is one query run for
/// every key through `SQLConnection.forEachRun`, so PostgreSQL answers a batch in one round trip.
extension SQLTransaction {
    func entities(ids: [String]) throws -> [String: EntityRow] {
        var rows: [String: EntityRow] = [:]
        try connection.forEachRun(of: Self.entitySQL, with: Set(ids).map { [.text($0)] }) { _, statement in
            if try statement.step() {
                let row = try entityRow(statement)
                rows[row.id] = row
            }
        }
        return rows
    }

    func members(ofEntities ids: [String]) throws -> [String: [StoredMention]] {
        let unique = Array(Set(ids))
        var members: [String: [StoredMention]] = [:]
        try connection.forEachRun(of: Self.membersSQL, with: unique.map { [.text($0)] }) { index, statement in
            let rows = try statement.rows { statement in try storedMention(statement) }
            if !rows.isEmpty { members[unique[index]] = rows }
        }
        return members
    }

    func goldenRecordJSON(entityIDs ids: [String]) throws -> [String: String] {
        let unique = Array(Set(ids))
        var bodies: [String: String] = [:]
        try connection.forEachRun(of: "SELECT body FROM golden_records WHERE entity_id = ?", with: unique.map { [.text($0)] }) {
            index, statement in
            if try statement.step() { bodies[unique[index]] = statement.text(0) }
        }
        return bodies
    }

    func mentions(ids: [Int64]) throws -> [Int64: StoredMention] {
        var mentions: [Int64: StoredMention] = [:]
        try connection.forEachRun(of: "SELECT \(Self.mentionColumns) FROM mentions WHERE id = ?", with: Set(ids).map { [.int($0)] }) {
            _, statement in
            if try statement.step() {
                let stored = try storedMention(statement, retired: statement.int(8) != 0)
                mentions[stored.id] = stored
            }
        }
        return mentions
    }

    func mentions(keys: [MentionKey]) throws -> [MentionKey: StoredMention] {
        var mentions: [MentionKey: StoredMention] = [:]
        try connection.forEachRun(
            of: "SELECT \(Self.mentionColumns) FROM mentions WHERE source = ? AND kind = ? AND record_key = ?",
            with: Set(keys).map { [.text($0.source), .text($0.kind.rawValue), .text($0.recordKey)] }
        ) { _, statement in
            if try statement.step() {
                let stored = try storedMention(statement, retired: statement.int(8) != 0)
                mentions[stored.mention.key] = stored
            }
        }
        return mentions
    }

    func entityIDs(kind: EntityKind, keys: [EntityKeyValue]) throws -> [EntityKeyValue: String] {
        let unique = Array(Set(keys))
        var owners: [EntityKeyValue: String] = [:]
        try connection.forEachRun(
            of: "SELECT entity_id FROM entity_keys WHERE kind = ? AND key_type = ? AND key_value = ?",
            with: unique.map { [.text(kind.rawValue), .text($0.type), .text($0.value)] }
        ) { index, statement in
            if try statement.step() { owners[unique[index]] = statement.text(0) }
        }
        return owners
    }
}
