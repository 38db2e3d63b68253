import Domain
import Storage

/// The steward decision audit trail and value choices.
extension SQLTransaction {
    func decisions(limit: Int) throws -> [StewardDecision] {
        let statement = try connection.statement(
            """
            SELECT id, actor, time, action, review_item, mentions, reason, entities_before, entities_after, detail
            FROM steward_decisions ORDER BY id LIMIT ?
            """
        ).bind(.int(Int64(max(0, limit))))
        var decisions: [StewardDecision] = []
        while try statement.step() {
            guard let action = StewardDecision.Action(rawValue: statement.text(3)) else {
                throw StoreError.corruptRow("steward decision \(statement.int(0))")
            }
            decisions.append(
                StewardDecision(
                    id: statement.int(0), actor: statement.text(1), time: statement.text(2), action: action,
                    reviewItem: statement.optionalInt(4), mentions: statement.text(5).split(separator: ",").compactMap { Int64($0) },
                    reason: statement.optionalText(6), entitiesBefore: try StoredJSON.decode([String].self, statement.text(7), what: "decision"),
                    entitiesAfter: try StoredJSON.decode([String].self, statement.text(8), what: "decision"), detail: statement.text(9)))
        }
        return decisions
    }

    func valueChoices(ofMentions ids: [Int64]) throws -> [ValueChoice] {
        var choices: [ValueChoice] = []
        try connection.forEachRun(
            of: "SELECT mention_id, field, actor, time FROM value_choices WHERE mention_id = ?", with: Set(ids).sorted().map { [.int($0)] }
        ) { _, statement in
            while try statement.step() {
                choices.append(ValueChoice(mentionID: statement.int(0), field: statement.text(1), actor: statement.text(2), time: statement.text(3)))
            }
        }
        return choices
    }

    func reviewItem(id: Int64) throws -> ReviewItem? {
        let statement = try connection.statement("SELECT \(Self.reviewColumns) FROM review_items WHERE id = ?").bind(.int(id))
        return try statement.step() ? try reviewItem(statement) : nil
    }

    func recordDecision(_ decision: StewardDecision) throws -> Int64 {
        try connection.insert(
            """
            INSERT INTO steward_decisions (actor, time, action, review_item, mentions, reason, entities_before, entities_after, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, returningKey: "id", [
                .text(decision.actor), .text(decision.time), .text(decision.action.rawValue),
                decision.reviewItem.map { .int($0) } ?? .null, .text(decision.mentions.map(String.init).joined(separator: ",")),
                .optional(decision.reason), .text(try StoredJSON.encode(decision.entitiesBefore)),
                .text(try StoredJSON.encode(decision.entitiesAfter)), .text(decision.detail),
            ])
    }

    func putValueChoice(_ choice: ValueChoice) throws {
        try connection.statement(
            """
            INSERT INTO value_choices (mention_id, field, actor, time) VALUES (?, ?, ?, ?)
            ON CONFLICT (mention_id, field) DO UPDATE SET actor = excluded.actor, time = excluded.time
            """
        ).bind(.int(choice.mentionID), .text(choice.field), .text(choice.actor), .text(choice.time)).run()
    }

    func clearValueChoice(mentionID: Int64, field: String) throws -> Bool {
        try connection.statement("DELETE FROM value_choices WHERE mention_id = ? AND field = ?")
            .bind(.int(mentionID), .text(field)).runCountingChanges() > 0
    }
}
