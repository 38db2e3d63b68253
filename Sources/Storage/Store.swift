import Domain

/// The storage contract every engine implements (SQLite now, PostgreSQL later). Stages talk to these
/// protocols only; the composition root picks the engine.
///
/// All writes happen inside `write`: one transaction that commits when the closure returns and rolls back when
/// it throws, so a change and the feed events describing it are durable together or not at all.
public protocol Store: AnyObject, Sendable {
    /// Runs `body` in one write transaction.
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Runs `body` against a consistent read snapshot.
    func read<T>(_ body: (any StoreReader) throws -> T) throws -> T
    /// Runs `body` in a write transaction of the access log alone, committed durably when it returns. It neither waits
    /// for the other writes (an ingest batch) nor holds them up: personal reads are logged while a sync runs. Appends
    /// are serialised among themselves, so sequences stay contiguous and the hash chain linear.
    func appendToAccessLog<T>(_ body: (any AccessLogAppender) throws -> T) throws -> T
    /// The schema version the store is at after start-up migrations.
    var schemaVersion: Int { get }
    /// Claims the job `name` for this process (a scheduled sync of one source), or nil when another holder has it:
    /// several daemons on one store run each job once. A claim is never left behind by a dead process.
    func claimJob(_ name: String) throws -> JobClaim?
}

/// A mention as stored: its row id, version and content hash.
public struct StoredMention: Hashable, Sendable {
    public var id: Int64
    public var mention: Mention
    public var version: Int
    public var contentHash: String
    /// Retired: a full snapshot of its source left it out. Its body is the last content it had; it belongs to no
    /// entity and must not be resolved until staged again.
    public var retired: Bool

    public init(id: Int64, mention: Mention, version: Int, contentHash: String, retired: Bool = false) {
        self.id = id
        self.mention = mention
        self.version = version
        self.contentHash = contentHash
        self.retired = retired
    }
}

/// What staging did with a mention.
public enum StageOutcome: String, Sendable {
    /// First time this source record was seen.
    case inserted
    /// Content changed, or a retired mention came back: a new version was written.
    case updated
    /// Same content hash as the stored version: nothing written.
    case unchanged
}

/// An entity's row: its kind, and where a retired entity now redirects.
public struct EntityRow: Hashable, Sendable {
    public enum Status: String, Sendable { case active, retired }
    public var id: String
    public var kind: EntityKind
    public var status: Status
    public var redirectTo: String?

    public init(id: String, kind: EntityKind, status: Status, redirectTo: String?) {
        self.id = id
        self.kind = kind
        self.status = status
        self.redirectTo = redirectTo
    }
}

/// A strong key an entity is bound to (`entity_keys`): its type (`parcel_key`, `enterprise_code` …) and value.
public struct EntityKeyValue: Hashable, Sendable {
    public var type: String
    public var value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}

/// One row of the cluster export: which entity a mention belongs to.
public struct ClusterAssignment: Hashable, Sendable {
    public var source: String
    public var recordKey: String
    public var entityID: String

    public init(source: String, recordKey: String, entityID: String) {
        self.source = source
        self.recordKey = recordKey
        self.entityID = entityID
    }
}

/// Counters of one sync or ingest run. Always `read == staged + quarantined`.
public struct RunCounts: Hashable, Codable, Sendable {
    /// Records the decoder produced (including records it could only quarantine).
    public var read = 0
    /// Records mapped and stored (whether or not their content changed).
    public var staged = 0
    /// Of `staged`: records not mapped again because their fingerprint was already stored (their mentions were
    /// staged from the same decoded record under the same mapping, reference data and program).
    public var recordsUnchanged = 0
    /// Records kept in quarantine with their reasons.
    public var quarantined = 0
    /// Mentions inserted or given a new version.
    public var mentionsChanged = 0
    /// Mentions whose content hash was already stored.
    public var mentionsUnchanged = 0
    /// Entities whose golden record changed (feed events appended).
    public var feedEvents = 0
    /// The resolver's candidate pairs by band: linked automatically, queued for review, rejected.
    public var pairsAutoLinked = 0
    public var pairsInReview = 0
    public var pairsRejected = 0
    /// Snapshot sources: live mentions of the source that this input no longer contained, and how many of them were
    /// retired (tombstoned) — all of them under the `retire` policy, none under `keep`.
    public var mentionsMissing = 0
    public var mentionsRetired = 0

    public init() {}

    /// Reads counts stored by earlier versions too (a missing counter is 0).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ key: CodingKeys) throws -> Int { try container.decodeIfPresent(Int.self, forKey: key) ?? 0 }
        read = try value(.read)
        staged = try value(.staged)
        recordsUnchanged = try value(.recordsUnchanged)
        quarantined = try value(.quarantined)
        mentionsChanged = try value(.mentionsChanged)
        mentionsUnchanged = try value(.mentionsUnchanged)
        feedEvents = try value(.feedEvents)
        pairsAutoLinked = try value(.pairsAutoLinked)
        pairsInReview = try value(.pairsInReview)
        pairsRejected = try value(.pairsRejected)
        mentionsMissing = try value(.mentionsMissing)
        mentionsRetired = try value(.mentionsRetired)
    }

    public static func + (lhs: RunCounts, rhs: RunCounts) -> RunCounts {
        var sum = lhs
        sum.read += rhs.read
        sum.staged += rhs.staged
        sum.recordsUnchanged += rhs.recordsUnchanged
        sum.quarantined += rhs.quarantined
        sum.mentionsChanged += rhs.mentionsChanged
        sum.mentionsUnchanged += rhs.mentionsUnchanged
        sum.feedEvents += rhs.feedEvents
        sum.pairsAutoLinked += rhs.pairsAutoLinked
        sum.pairsInReview += rhs.pairsInReview
        sum.pairsRejected += rhs.pairsRejected
        sum.mentionsMissing += rhs.mentionsMissing
        sum.mentionsRetired += rhs.mentionsRetired
        return sum
    }
}

/// Totals over the whole store, for summaries and readiness.
public struct StoreSummary: Hashable, Codable, Sendable {
    /// Live mentions (retired ones are counted in `mentionsRetired`).
    public var mentionsByKind: [String: Int]
    public var entitiesByKind: [String: Int]
    public var quarantined: Int
    public var feedHead: Int64
    public var links: Int
    /// Mentions a full snapshot no longer contained (tombstones), kept for their history.
    public var mentionsRetired: Int

    public init(
        mentionsByKind: [String: Int], entitiesByKind: [String: Int], quarantined: Int, feedHead: Int64, links: Int, mentionsRetired: Int = 0
    ) {
        self.mentionsByKind = mentionsByKind
        self.entitiesByKind = entitiesByKind
        self.quarantined = quarantined
        self.feedHead = feedHead
        self.links = links
        self.mentionsRetired = mentionsRetired
    }
}
