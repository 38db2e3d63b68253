import Domain

/// Read operations, available in read snapshots and inside write transactions.
public protocol StoreReader: MatchIndexReader, StewardshipReader, AccessReader, WebhookReader, JobReader {
    func mention(id: Int64) throws -> StoredMention?
    func mention(key: MentionKey) throws -> StoredMention?
    /// `mention(id:)` of many ids in one batch of lookups; ids without a row are left out.
    func mentions(ids: [Int64]) throws -> [Int64: StoredMention]
    /// `mention(key:)` of many keys in one batch of lookups; keys without a row are left out.
    func mentions(keys: [MentionKey]) throws -> [MentionKey: StoredMention]
    /// The active entity a mention belongs to, if it has been resolved.
    func entityID(ofMention id: Int64) throws -> String?
    func entity(id: String) throws -> EntityRow?
    /// What a read of a record by ID needs, in one batch of lookups (one round trip on PostgreSQL, with the BEGIN):
    /// the API key `keyID`, and the entity `entityID` with its golden record's JSON.
    func keyAndRecord(keyID: String, entityID: String) throws -> KeyAndRecord
    /// `entity(id:)` of many ids in one batch of lookups (one round trip per batch on PostgreSQL); ids without a
    /// row are left out.
    func entities(ids: [String]) throws -> [String: EntityRow]
    /// The mentions currently assigned to an entity, by ascending mention id.
    func members(ofEntity id: String) throws -> [StoredMention]
    /// `members(ofEntity:)` of many entities in one batch of lookups; entities without a live member are left out.
    func members(ofEntities ids: [String]) throws -> [String: [StoredMention]]
    /// The entity bound to a strong key (e.g. a 12-digit personal number), if any.
    func entityID(kind: EntityKind, keyType: String, keyValue: String) throws -> String?
    /// `entityID(kind:keyType:keyValue:)` of many keys in one batch of lookups; unbound keys are left out.
    func entityIDs(kind: EntityKind, keys: [EntityKeyValue]) throws -> [EntityKeyValue: String]
    func goldenRecord(entityID: String) throws -> GoldenRecord?
    /// The stored golden record's canonical JSON text, for cheap change detection.
    func goldenRecordJSON(entityID: String) throws -> String?
    /// `goldenRecordJSON(entityID:)` of many entities in one batch of lookups; entities without one are left out.
    func goldenRecordJSON(entityIDs ids: [String]) throws -> [String: String]
    /// Links stated by mentions of this entity or pointing at them.
    func links(ofMentions ids: [Int64]) throws -> [MentionLink]
    /// Feed events with `sequence > after`, ascending, at most `limit`.
    func feed(after: Int64, limit: Int) throws -> [FeedEvent]
    /// Feed events about one entity (`subject`), ascending.
    func feed(subject: String) throws -> [FeedEvent]
    /// Every live mention of `kind` with the entity it belongs to, ordered by source and record key.
    func clusterAssignments(kind: EntityKind, _ each: (ClusterAssignment) throws -> Void) throws
    /// Every live mention (not retired) with the entity it belongs to (nil when unresolved), by ascending mention id,
    /// streamed (reports read the whole store without holding it).
    func forEachMention(_ each: (StoredMention, String?) throws -> Void) throws
    /// Live mention ids in ascending order: all of them, or only those not yet assigned to an entity.
    func mentionIDs(unresolvedOnly: Bool) throws -> [Int64]
    /// The live mentions of one source (the mapping's `source:`), ascending: what a full snapshot must contain again.
    func mentionIDs(source: String) throws -> [Int64]
    /// True when the store holds any mention of the source, live or retired.
    func hasMentions(source: String) throws -> Bool
    /// The live mentions last staged from a source record with this fingerprint (none: the record is new or changed,
    /// or was staged before fingerprints were kept).
    func mentionIDs(recordDigest: String) throws -> [Int64]
    /// Quarantined records, oldest first: open ones only unless `includeRetried`.
    func quarantined(source: String?, includeRetried: Bool, limit: Int) throws -> [QuarantinedRecord]
    func quarantinedRecord(id: Int64) throws -> QuarantinedRecord?
    func summary() throws -> StoreSummary
    /// A connector checkpoint of a source (an HTTP ETag, a processed file's checksum …), if set.
    func checkpoint(source: String, key: String) throws -> String?
}

/// `StoreReader.keyAndRecord`: each part nil when there is no such row.
public struct KeyAndRecord: Sendable {
    public var apiKey: APIKey?
    public var entity: EntityRow?
    public var goldenRecordJSON: String?

    public init(apiKey: APIKey? = nil, entity: EntityRow? = nil, goldenRecordJSON: String? = nil) {
        self.apiKey = apiKey
        self.entity = entity
        self.goldenRecordJSON = goldenRecordJSON
    }
}
