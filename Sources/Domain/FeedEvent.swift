/// The kinds of change the feed announces.
public enum FeedEventType: String, Codable, Sendable, CaseIterable {
    case entityCreated = "entity.created"
    case entityUpdated = "entity.updated"
    case entityMerged = "entity.merged"
    case entitySplit = "entity.split"
    case entityRetired = "entity.retired"
}

/// One change of a golden record, appended in the same transaction as the change.
public struct FeedEvent: Hashable, Codable, Sendable {
    /// Position in the feed: strictly increasing, gap-free for readers.
    public var sequence: Int64
    /// Unique event id for consumer de-duplication.
    public var id: String
    public var type: FeedEventType
    /// The entity the event is about.
    public var subject: String
    public var kind: EntityKind
    /// RFC 3339 UTC time of the change.
    public var time: String
    /// The event payload as JSON text (the golden record, or merge/split details).
    public var data: String

    public init(
        sequence: Int64, id: String, type: FeedEventType, subject: String, kind: EntityKind, time: String, data: String
    ) {
        self.sequence = sequence
        self.id = id
        self.type = type
        self.subject = subject
        self.kind = kind
        self.time = time
        self.data = data
    }
}
