import Domain
import Storage

/// Reads of many rows by key at once, for the resolvers and the golden-record refresh: each is one query run for
/// every key through `SQLConnection.forEachRun`, so PostgreSQL answers a batch in one round trip.
extension SQLTransaction {
    func entities(ids: [String]) throws -> [String: EntityRow] {
        try connection.lookUp(Self.entitySQL, keys: ids, parameters: { [.text($0)] }) { statement, _ in try entityRow(statement) }
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
        try connection.lookUp("SELECT body FROM golden_records WHERE entity_id = ?", keys: ids, parameters: { [.text($0)] }) { statement, _ in
            statement.text(0)
        }
    }

    func mentions(ids: [Int64]) throws -> [Int64: StoredMention] {
        try connection.lookUp("SELECT \(Self.mentionColumns) FROM mentions WHERE id = ?", keys: ids, parameters: { [.int($0)] }) {
            statement, _ in try storedMention(statement, retired: statement.int(8) != 0)
        }
    }

    func mentions(keys: [MentionKey]) throws -> [MentionKey: StoredMention] {
        try connection.lookUp(
            "SELECT \(Self.mentionColumns) FROM mentions WHERE source = ? AND kind = ? AND record_key = ?", keys: keys,
            parameters: { [.text($0.source), .text($0.kind.rawValue), .text($0.recordKey)] }
        ) { statement, _ in try storedMention(statement, retired: statement.int(8) != 0) }
    }

    func entityIDs(kind: EntityKind, keys: [EntityKeyValue]) throws -> [EntityKeyValue: String] {
        try connection.lookUp(
            "SELECT entity_id FROM entity_keys WHERE kind = ? AND key_type = ? AND key_value = ?", keys: keys,
            parameters: { [.text(kind.rawValue), .text($0.type), .text($0.value)] }
        ) { statement, _ in statement.text(0) }
    }
}
