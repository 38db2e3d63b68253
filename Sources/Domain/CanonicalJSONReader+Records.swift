/// Reading mention bodies back from JSON (any key order and whitespace; unknown keys skipped; `null` or a missing
/// key for optionals; a missing required key is an error at the object's start).

extension PersonRecord: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var record = PersonRecord()
        var identifiers: [Identifier]?, addresses: [Address]?
        try reader.object { reader, key in
            if key == "addresses" {
                addresses = try reader.array(of: Address.self)
            } else if key == "birthDate" {
                record.birthDate = try reader.optional(PartialDate.self)
            } else if key == "householdID" {
                record.householdID = try reader.optionalString()
            } else if key == "householdRelation" {
                record.householdRelation = try reader.optionalString()
            } else if key == "identifiers" {
                identifiers = try reader.array(of: Identifier.self)
            } else if key == "name" {
                record.name = try reader.optional(PersonName.self)
            } else if key == "phone" {
                record.phone = try reader.optionalString()
            } else if key == "sex" {
                record.sex = try reader.optionalRaw(Sex.self)
            } else {
                try reader.skipValue()
            }
        }
        guard let identifiers else { throw reader.missing("identifiers", in: "PersonRecord", at: start) }
        guard let addresses else { throw reader.missing("addresses", in: "PersonRecord", at: start) }
        record.identifiers = identifiers
        record.addresses = addresses
        self = record
    }
}

extension ParcelRecord: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var communeCode: String?, communeScheme: AdminScheme?, mapSheet: String?, parcelNumber: String?
        var area: Double?, landUse: String?, certificate: String?, address: Address?
        try reader.object { reader, key in
            if key == "address" {
                address = try reader.optional(Address.self)
            } else if key == "area" {
                area = try reader.optionalDouble()
            } else if key == "certificate" {
                certificate = try reader.optionalString()
            } else if key == "communeCode" {
                communeCode = try reader.string()
            } else if key == "communeScheme" {
                communeScheme = try reader.raw(AdminScheme.self)
            } else if key == "landUse" {
                landUse = try reader.optionalString()
            } else if key == "mapSheet" {
                mapSheet = try reader.string()
            } else if key == "parcelNumber" {
                parcelNumber = try reader.string()
            } else {
                try reader.skipValue()
            }
        }
        guard let communeCode else { throw reader.missing("communeCode", in: "ParcelRecord", at: start) }
        guard let communeScheme else { throw reader.missing("communeScheme", in: "ParcelRecord", at: start) }
        guard let mapSheet else { throw reader.missing("mapSheet", in: "ParcelRecord", at: start) }
        guard let parcelNumber else { throw reader.missing("parcelNumber", in: "ParcelRecord", at: start) }
        self.init(
            communeCode: communeCode, communeScheme: communeScheme, mapSheet: mapSheet, parcelNumber: parcelNumber,
            area: area, landUse: landUse, certificate: certificate, address: address)
    }
}

extension EnterpriseRecord: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var code: String?, codeIsValid: Bool?, name: String?, status: EnterpriseStatus?
        var registrationDate: PartialDate?, address: Address?
        try reader.object { reader, key in
            if key == "address" {
                address = try reader.optional(Address.self)
            } else if key == "code" {
                code = try reader.string()
            } else if key == "codeIsValid" {
                codeIsValid = try reader.bool()
            } else if key == "name" {
                name = try reader.string()
            } else if key == "registrationDate" {
                registrationDate = try reader.optional(PartialDate.self)
            } else if key == "status" {
                status = try reader.optionalRaw(EnterpriseStatus.self)
            } else {
                try reader.skipValue()
            }
        }
        guard let code else { throw reader.missing("code", in: "EnterpriseRecord", at: start) }
        guard let codeIsValid else { throw reader.missing("codeIsValid", in: "EnterpriseRecord", at: start) }
        guard let name else { throw reader.missing("name", in: "EnterpriseRecord", at: start) }
        self.init(
            code: code, codeIsValid: codeIsValid, name: name, status: status, registrationDate: registrationDate,
            address: address)
    }
}

extension MentionBody: CanonicalJSONReadable {
    /// `kind` decides which record key is read; the others are skipped (as `Decodable` ignores them). A record
    /// that comes before `kind` is skipped first and read once `kind` is known.
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var kind: EntityKind?
        var body: MentionBody?
        var deferred: [EntityKind: Int] = [:]
        try reader.object { reader, key in
            let keyKind: EntityKind?
            if key == "kind" {
                kind = try reader.raw(EntityKind.self)
                return
            } else if key == "person" {
                keyKind = .person
            } else if key == "parcel" {
                keyKind = .parcel
            } else if key == "enterprise" {
                keyKind = .enterprise
            } else {
                keyKind = nil
            }
            guard let keyKind, keyKind == kind || kind == nil else { return try reader.skipValue() }
            if kind == nil {
                deferred[keyKind] = reader.valueStart()
                try reader.skipValue()
            } else {
                body = try MentionBody.read(keyKind, from: &reader)
            }
        }
        guard let kind else { throw reader.missing("kind", in: "MentionBody", at: start) }
        if body?.kind == kind {
            self = body!
            return
        }
        guard let recordStart = deferred[kind] else { throw reader.missing(kind.rawValue, in: "MentionBody", at: start) }
        let end = reader.offset
        reader.offset = recordStart
        self = try MentionBody.read(kind, from: &reader)
        reader.offset = end
    }

    private static func read(_ kind: EntityKind, from reader: inout CanonicalJSONReader) throws -> MentionBody {
        switch kind {
        case .person: return .person(try PersonRecord(canonicalJSON: &reader))
        case .parcel: return .parcel(try ParcelRecord(canonicalJSON: &reader))
        case .enterprise: return .enterprise(try EnterpriseRecord(canonicalJSON: &reader))
        }
    }
}
