/// Reads of steward state: the decision audit trail and value choices.
public protocol StewardshipReader {
    /// Decisions, oldest first.
    func decisions(limit: Int) throws -> [StewardDecision]
    /// Value choices of these mentions.
    func valueChoices(ofMentions ids: [Int64]) throws -> [ValueChoice]
    func reviewItem(id: Int64) throws -> ReviewItem?
}

/// Writes of steward state; only valid inside `Store.write`.
public protocol StewardshipWriter: StewardshipReader {
    /// Appends a decision to the audit trail; returns its id.
    @discardableResult
    func recordDecision(_ decision: StewardDecision) throws -> Int64
    /// Sets (replacing any earlier) the choice for a mention's field.
    func putValueChoice(_ choice: ValueChoice) throws
    /// Removes the choice for a mention's field; returns true if there was one.
    @discardableResult
    func clearValueChoice(mentionID: Int64, field: String) throws -> Bool
}
