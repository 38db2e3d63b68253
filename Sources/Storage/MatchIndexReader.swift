import Domain

/// Reads of the resolver's state: the person index and its blocking keys, entity memberships without
/// decoding mentions, steward constraints, the review queue, entity lineage and match models.
public protocol MatchIndexReader {
    /// Index entries of the given mentions (those indexed), in ascending mention id.
    func personIndexEntries(mentionIDs: [Int64]) throws -> [PersonIndexEntry]
    /// Every index entry, in ascending mention id.
    func forEachPersonIndexEntry(_ body: (PersonIndexEntry) throws -> Void) throws
    func personIndexCount() throws -> Int
    /// Mentions that have at least one of these blocking keys.
    func mentionIDs(sharing keys: [BlockingKeyHash]) throws -> Set<Int64>
    /// The entity each of these mentions belongs to (mentions without one are absent).
    func memberships(ofMentions ids: [Int64]) throws -> [Int64: String]
    /// Every mention of `kind` that belongs to an entity, with that entity.
    func memberships(kind: EntityKind) throws -> [Int64: String]
    /// The ids of an entity's mentions, ascending, without decoding them.
    func memberIDs(ofEntity id: String) throws -> [Int64]
    /// Mention keys by id, without decoding bodies.
    func mentionKeys(ids: [Int64]) throws -> [Int64: MentionKey]
    /// Constraints with at least one mention among `ids`; every constraint when `ids` is nil.
    func pairConstraints(touching ids: [Int64]?) throws -> [PairConstraint]
    /// Review items, oldest first; `status` nil for all.
    func reviewItems(status: ReviewStatus?, limit: Int) throws -> [ReviewItem]
    /// Open review items by type (`match`, `identifier`, `value`): the queue length, for metrics.
    func openReviewItemCounts() throws -> [String: Int]
    /// Open review items with at least one mention among `ids`; every open item when nil.
    func openReviewItems(touching ids: [Int64]?) throws -> [ReviewItem]
    /// Merges and splits an entity took part in, oldest first.
    func lineage(ofEntity id: String) throws -> [LineageRecord]
    /// The model resolution uses, if one was stored.
    func activeModel() throws -> StoredModel?
    /// The version of the active stored model, without reading its parameters; nil when none is stored.
    func activeModelVersion() throws -> String?
    /// Every stored model, newest first.
    func models() throws -> [StoredModel]
    /// The blocking rules whose keys are stored for every indexed person: rule name → its parts, comma-separated.
    func indexedBlockingRules() throws -> [String: String]
}

/// Writes of the resolver's state; only valid inside `Store.write`.
public protocol MatchIndexWriter: MatchIndexReader {
    /// Sets a person mention's index entry and blocking keys, replacing what was stored for it.
    func indexPerson(_ entry: PersonIndexEntry, keys: [BlockingKeyHash]) throws
    /// Removes every key of a blocking rule and its mark as indexed.
    func dropBlockingRule(_ rule: String) throws
    /// Adds the keys of one rule after `dropBlockingRule` removed them, in bulk (PostgreSQL: one COPY); a key given
    /// twice is added once.
    func addBlockingKeys(rule: String, _ keys: [(mentionID: Int64, hash: Int64)]) throws
    /// Marks a rule's keys as stored for every indexed person, under the parts they were built from.
    func markBlockingRuleIndexed(_ rule: String, parts: String) throws
    /// Stores a model; with `activate` it becomes the one resolution uses.
    func saveModel(version: String, json: String, activate: Bool, at time: String) throws
    /// Adds (or replaces) the constraint on a pair.
    func putPairConstraint(_ constraint: PairConstraint) throws
    /// Opens a review item for a pair, or refreshes the open one (probability, detail); returns its id.
    /// A pair a steward already decided is not reopened: returns nil.
    @discardableResult
    func raiseReviewItem(type: ReviewType, first: Int64, second: Int64, probability: Double, detail: String, at time: String)
        throws -> Int64?
    func setReviewStatus(id: Int64, status: ReviewStatus, at time: String) throws
    func recordLineage(_ record: LineageRecord) throws
}
