/// What kind of real-world thing an entity is.
public enum EntityKind: String, Codable, Sendable, CaseIterable {
    case person, parcel, enterprise

    /// One-letter prefix of entity identifiers of this kind.
    public var idPrefix: String {
        switch self {
        case .person: return "P"
        case .parcel: return "L"
        case .enterprise: return "E"
        }
    }
}

/// Names a mention: the source it came from, the kind of thing, and the key the source gives the record.
public struct MentionKey: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var source: String
    public var kind: EntityKind
    public var recordKey: String

    public init(source: String, kind: EntityKind, recordKey: String) {
        self.source = source
        self.kind = kind
        self.recordKey = recordKey
    }

    public var description: String { "\(source):\(recordKey)" }

    public static func < (lhs: MentionKey, rhs: MentionKey) -> Bool {
        (lhs.source, lhs.kind.rawValue, lhs.recordKey) < (rhs.source, rhs.kind.rawValue, rhs.recordKey)
    }
}

/// The canonical content of a mention, by kind.
public enum MentionBody: Hashable, Sendable {
    case person(PersonRecord)
    case parcel(ParcelRecord)
    case enterprise(EnterpriseRecord)

    public var kind: EntityKind {
        switch self {
        case .person: return .person
        case .parcel: return .parcel
        case .enterprise: return .enterprise
        }
    }
}

extension MentionBody: Codable {
    private enum CodingKeys: String, CodingKey { case kind, person, parcel, enterprise }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(EntityKind.self, forKey: .kind) {
        case .person: self = .person(try container.decode(PersonRecord.self, forKey: .person))
        case .parcel: self = .parcel(try container.decode(ParcelRecord.self, forKey: .parcel))
        case .enterprise: self = .enterprise(try container.decode(EnterpriseRecord.self, forKey: .enterprise))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .person(let record): try container.encode(record, forKey: .person)
        case .parcel(let record): try container.encode(record, forKey: .parcel)
        case .enterprise(let record): try container.encode(record, forKey: .enterprise)
        }
    }
}

/// One registry record's statement about one person, parcel or enterprise, with its provenance.
public struct Mention: Hashable, Codable, Sendable {
    public var key: MentionKey
    /// The registry family the source belongs to (population, land, enterprise, commune …): drives survivorship.
    public var registry: String
    public var body: MentionBody
    public var findings: [Finding]
    /// Where the raw record was read.
    public var location: SourceLocation

    public init(key: MentionKey, registry: String, body: MentionBody, findings: [Finding] = [], location: SourceLocation) {
        self.key = key
        self.registry = registry
        self.body = body
        self.findings = findings
        self.location = location
    }
}
