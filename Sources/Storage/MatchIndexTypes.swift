import Domain

/// A person mention's comparison values as the resolver indexes them (folded names, birth date, numbers,
/// 2025 codes): enough to compare and block without decoding the mention body. Also what name search reads.
public struct PersonIndexEntry: Hashable, Sendable {
    public var mentionID: Int64
    public var fullName: String
    public var foldedFullName: String
    public var foldedFamily: String
    public var foldedMiddle: String
    public var foldedGiven: String
    /// ISO 8601 at its precision (`1987-03-09`, `1987-03`, `1987`).
    public var birthDate: String?
    public var sex: String?
    public var personalNumber: String?
    public var legacyNumbers: [String]
    /// Passport and social insurance numbers as `type:value` (`PersonFeatures.documentNumbers`).
    public var documentNumbers: [String]
    /// House number and street of each address, `house|street` folded (`StreetAddress.stored`).
    public var streets: [String]
    public var postalCodes: [String]
    public var communeCodes: [String]
    public var provinceCodes: [String]

    public init(
        mentionID: Int64, fullName: String, foldedFullName: String, foldedFamily: String, foldedMiddle: String,
        foldedGiven: String, birthDate: String?, sex: String?, personalNumber: String?, legacyNumbers: [String],
        documentNumbers: [String] = [], streets: [String] = [], postalCodes: [String] = [], communeCodes: [String], provinceCodes: [String]
    ) {
        self.mentionID = mentionID
        self.fullName = fullName
        self.foldedFullName = foldedFullName
        self.foldedFamily = foldedFamily
        self.foldedMiddle = foldedMiddle
        self.foldedGiven = foldedGiven
        self.birthDate = birthDate
        self.sex = sex
        self.personalNumber = personalNumber
        self.legacyNumbers = legacyNumbers
        self.documentNumbers = documentNumbers
        self.streets = streets
        self.postalCodes = postalCodes
        self.communeCodes = communeCodes
        self.provinceCodes = provinceCodes
    }
}

/// One blocking key of a mention: the rule's name and the key's 64-bit hash.
public struct BlockingKeyHash: Hashable, Sendable {
    public var rule: String
    public var hash: Int64

    public init(rule: String, hash: Int64) {
        self.rule = rule
        self.hash = hash
    }
}

/// A steward's standing decision about a pair of mentions, honoured by every resolution run.
public struct PairConstraint: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The two mentions are the same: always in one entity.
        case mustLink = "must_link"
        /// The two mentions are different: never in one entity.
        case neverLink = "never_link"
    }

    /// The smaller mention id of the pair.
    public var first: Int64
    /// The larger mention id of the pair.
    public var second: Int64
    public var kind: Kind
    public var actor: String
    public var reason: String?
    public var createdAt: String

    /// Orders the pair so that `first < second`.
    public init(_ a: Int64, _ b: Int64, kind: Kind, actor: String, reason: String?, createdAt: String) {
        first = min(a, b)
        second = max(a, b)
        self.kind = kind
        self.actor = actor
        self.reason = reason
        self.createdAt = createdAt
    }
}

/// What a review item asks a steward to settle.
public enum ReviewType: String, Sendable, Codable, CaseIterable {
    /// A pair scored between the review and the auto-link thresholds.
    case match
    /// A pair that scored as a match but carries two different valid 12-digit numbers.
    case identifier
    /// Two members of one entity disagree on a field survivorship cannot settle alone.
    case value
}

public enum ReviewStatus: String, Sendable, Codable, CaseIterable {
    case open
    /// A steward decided it.
    case decided
    /// A later run no longer raises it (the data changed, or a decision settled it).
    case superseded
}

/// One item of the steward review queue. Items name mentions, not entities, so they stay meaningful after
/// the entities they touched were merged or split.
public struct ReviewItem: Hashable, Sendable, Codable {
    public var id: Int64
    public var type: ReviewType
    /// The smaller mention id of the pair.
    public var first: Int64
    public var second: Int64
    /// The pair's match probability when raised (or last re-raised).
    public var probability: Double
    /// The explanation when raised, as JSON (the pair's score with every line item).
    public var detail: String
    public var status: ReviewStatus
    public var createdAt: String
    public var updatedAt: String

    public init(
        id: Int64, type: ReviewType, first: Int64, second: Int64, probability: Double, detail: String, status: ReviewStatus,
        createdAt: String, updatedAt: String
    ) {
        self.id = id
        self.type = type
        self.first = first
        self.second = second
        self.probability = probability
        self.detail = detail
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One step of an entity's history: a merge retired `from` into `to`; a split moved mentions of `from` into the
/// newly minted `to`.
public struct LineageRecord: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        case merge, split
    }

    public var kind: Kind
    public var from: String
    public var to: String
    /// Mentions that moved, by id.
    public var mentions: [Int64]
    public var time: String

    public init(kind: Kind, from: String, to: String, mentions: [Int64], time: String) {
        self.kind = kind
        self.from = from
        self.to = to
        self.mentions = mentions
        self.time = time
    }
}

/// A persisted match model: its version, when it was stored, its parameters as JSON, and whether it is the one
/// resolution uses.
public struct StoredModel: Hashable, Sendable {
    public var version: String
    public var createdAt: String
    public var json: String
    public var active: Bool

    public init(version: String, createdAt: String, json: String, active: Bool) {
        self.version = version
        self.createdAt = createdAt
        self.json = json
        self.active = active
    }
}
