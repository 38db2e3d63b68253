import Domain

/// Write operations; only valid inside `Store.write`.
public protocol StoreTransaction: StoreReader, MatchIndexWriter, StewardshipWriter, AccessWriter, WebhookWriter, JobWriter {
    /// Inserts or versions a mention by its key; `unchanged` when the content hash equals the stored one.
    /// `content` is `MentionContent.json(mention)` and `contentHash` its SHA-256 (computed once by the caller).
    /// `recordDigest` is the fingerprint of the source record the mention was mapped from (`RecordFingerprint`), kept
    /// on the mention (also when its content is unchanged) so that a later ingest of the same record can skip it;
    /// nil when the mention did not come straight from a decoded record.
    /// `knownNew`: the caller knows no mention has this key (a first load of the source that staged no such key
    /// yet), so none is looked up.
    func stage(_ mention: Mention, content: String, contentHash: String, recordDigest: String?, knownNew: Bool, at time: String) throws
        -> (StoredMention, StageOutcome)
    /// Tombstones a mention a full snapshot no longer contains: a version without content is recorded, and the
    /// mention leaves its entity, the person index and every link (its record key, history and steward decisions
    /// stay; staging the record again brings it back as a new version). Returns the live mentions at the other end
    /// of the links removed, or nil when the mention was not live (no such mention, or already retired).
    func retireMention(id: Int64, at time: String) throws -> [Int64]?
    /// Replaces the links stated by one source record (all from the same mention set); returns true if they changed.
    /// `ids`: the row ids of mentions the caller knows (the record's own, just staged), spared a lookup;
    /// `firstIsNew`: the first link's `from` mention was inserted in this transaction, so it states no link yet.
    @discardableResult
    func replaceLinks(stated links: [MentionLink], ids: [MentionKey: Int64], firstIsNew: Bool, at time: String) throws -> Bool
    /// Keeps a record that could not be staged. `record` is the decoded tree of a record that failed mapping (nil for
    /// one that could not be decoded). Re-quarantining the same record at the same place leaves an open row as it is
    /// and reopens a retried one (with the new reasons). Returns true when a row was written or reopened.
    @discardableResult
    func quarantine(source: String, location: SourceLocation, rawText: String, record: RawNode?, reasons: [Finding], at time: String) throws -> Bool
    /// After a retry: `retried` (staged) or still `open` with the reasons the retry found.
    func updateQuarantined(id: Int64, status: String, reasons: [Finding]) throws
    /// Marks a source's open quarantined records `superseded`: a new full snapshot replaces them (the records it
    /// still cannot stage are quarantined again, which reopens their rows).
    func supersedeQuarantine(source: String) throws

    func createEntity(id: String, kind: EntityKind, at time: String) throws
    /// Marks an entity retired; `redirectTo` names the survivor of a merge. Entities that redirected to the retired
    /// one are repointed to the survivor, so a redirect is always one hop.
    func retireEntity(id: String, redirectTo: String?, at time: String) throws
    func assign(mentionID: Int64, toEntity entityID: String, rule: String, at time: String) throws
    func bindKey(kind: EntityKind, keyType: String, keyValue: String, toEntity entityID: String) throws
    func unbindKeys(ofEntity entityID: String) throws
    /// Stores a golden record given with its canonical JSON text (`json` encodes `record`).
    func putGoldenRecord(_ record: GoldenRecord, json: String, at time: String) throws
    func deleteGoldenRecord(entityID: String) throws
    /// Appends a feed event in this transaction and returns it with its sequence.
    @discardableResult
    func appendFeedEvent(type: FeedEventType, subject: String, kind: EntityKind, data: String, at time: String) throws -> FeedEvent

    /// Sets (or, with nil, clears) a connector checkpoint, committed with the data it describes.
    func setCheckpoint(source: String, key: String, value: String?, at time: String) throws

    func startRun(source: String, at time: String) throws -> Int64
    func finishRun(id: Int64, status: String, counts: RunCounts, error: String?, at time: String) throws
}

extension StoreTransaction {
    /// Stages with the content JSON computed here (tests and small callers; the ingest path passes it in).
    public func stage(_ mention: Mention, contentHash: String, at time: String) throws -> (StoredMention, StageOutcome) {
        try stage(mention, content: try MentionContent.json(mention), contentHash: contentHash, recordDigest: nil, knownNew: false, at: time)
    }

    @discardableResult
    public func replaceLinks(stated links: [MentionLink], at time: String) throws -> Bool {
        try replaceLinks(stated: links, ids: [:], firstIsNew: false, at: time)
    }

    public func stage(_ mention: Mention, content: String, contentHash: String, recordDigest: String?, at time: String) throws
        -> (StoredMention, StageOutcome)
    {
        try stage(mention, content: content, contentHash: contentHash, recordDigest: recordDigest, knownNew: false, at: time)
    }
}
