/// A value chosen by survivorship, naming the mention it came from.
public struct Provenanced<Value: Hashable & Codable & Sendable>: Hashable, Codable, Sendable {
    public var value: Value
    public var from: MentionKey

    public init(value: Value, from: MentionKey) {
        self.value = value
        self.from = from
    }
}

public struct GoldenPerson: Hashable, Codable, Sendable {
    public var name: Provenanced<PersonName>?
    public var birthDate: Provenanced<PartialDate>?
    public var sex: Provenanced<Sex>?
    public var identifiers: [Provenanced<Identifier>]
    public var addresses: [Provenanced<Address>]
    public var phone: Provenanced<String>?

    public init(
        name: Provenanced<PersonName>? = nil, birthDate: Provenanced<PartialDate>? = nil, sex: Provenanced<Sex>? = nil,
        identifiers: [Provenanced<Identifier>] = [], addresses: [Provenanced<Address>] = [],
        phone: Provenanced<String>? = nil
    ) {
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
        self.identifiers = identifiers
        self.addresses = addresses
        self.phone = phone
    }
}

/// The reconciled view of one entity.
public enum GoldenBody: Hashable, Sendable {
    case person(GoldenPerson)
    case parcel(Provenanced<ParcelRecord>)
    case enterprise(Provenanced<EnterpriseRecord>)
}

extension GoldenBody: Codable {
    private enum CodingKeys: String, CodingKey { case kind, person, parcel, enterprise }

    public var kind: EntityKind {
        switch self {
        case .person: return .person
        case .parcel: return .parcel
        case .enterprise: return .enterprise
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(EntityKind.self, forKey: .kind) {
        case .person: self = .person(try container.decode(GoldenPerson.self, forKey: .person))
        case .parcel: self = .parcel(try container.decode(Provenanced<ParcelRecord>.self, forKey: .parcel))
        case .enterprise:
            self = .enterprise(try container.decode(Provenanced<EnterpriseRecord>.self, forKey: .enterprise))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .person(let person): try container.encode(person, forKey: .person)
        case .parcel(let parcel): try container.encode(parcel, forKey: .parcel)
        case .enterprise(let enterprise): try container.encode(enterprise, forKey: .enterprise)
        }
    }
}

/// An entity's golden record: the reconciled body plus the mentions it was built from.
public struct GoldenRecord: Hashable, Codable, Sendable {
    public var entityID: String
    public var body: GoldenBody
    public var mentions: [MentionKey]

    public init(entityID: String, body: GoldenBody, mentions: [MentionKey]) {
        self.entityID = entityID
        self.body = body
        self.mentions = mentions
    }
}
