/// Canonical JSON writing of mention bodies and golden records (keys in UTF-8 byte order, nil optionals left
/// out — as their synthesised or custom `Encodable` conformances encode them).

extension PersonRecord: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws {
        writer.beginObject()
        writer.key("addresses")
        try writer.array(addresses)
        if let birthDate {
            writer.key("birthDate")
            birthDate.writeCanonicalJSON(to: &writer)
        }
        if let householdID {
            writer.key("householdID")
            writer.string(householdID)
        }
        if let householdRelation {
            writer.key("householdRelation")
            writer.string(householdRelation)
        }
        writer.key("identifiers")
        try writer.array(identifiers)
        if let name {
            writer.key("name")
            name.writeCanonicalJSON(to: &writer)
        }
        if let phone {
            writer.key("phone")
            writer.string(phone)
        }
        if let sex {
            writer.key("sex")
            writer.string(raw: sex)
        }
        writer.endObject()
    }
}

extension ParcelRecord: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws {
        writer.beginObject()
        if let address {
            writer.key("address")
            address.writeCanonicalJSON(to: &writer)
        }
        if let area {
            writer.key("area")
            try writer.double(area)
        }
        if let certificate {
            writer.key("certificate")
            writer.string(certificate)
        }
        writer.key("communeCode")
        writer.string(communeCode)
        writer.key("communeScheme")
        writer.string(raw: communeScheme)
        if let landUse {
            writer.key("landUse")
            writer.string(landUse)
        }
        writer.key("mapSheet")
        writer.string(mapSheet)
        writer.key("parcelNumber")
        writer.string(parcelNumber)
        writer.endObject()
    }
}

extension EnterpriseRecord: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        if let address {
            writer.key("address")
            address.writeCanonicalJSON(to: &writer)
        }
        writer.key("code")
        writer.string(code)
        writer.key("codeIsValid")
        writer.bool(codeIsValid)
        writer.key("name")
        writer.string(name)
        if let registrationDate {
            writer.key("registrationDate")
            registrationDate.writeCanonicalJSON(to: &writer)
        }
        if let status {
            writer.key("status")
            writer.string(raw: status)
        }
        writer.endObject()
    }
}

extension MentionBody: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws {
        switch self {
        case .person(let record): try writer.kindTagged(.person, record)
        case .parcel(let record): try writer.kindTagged(.parcel, record)
        case .enterprise(let record): try writer.kindTagged(.enterprise, record)
        }
    }
}

extension Provenanced: CanonicalJSONWritable where Value: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws {
        writer.beginObject()
        writer.key("from")
        from.writeCanonicalJSON(to: &writer)
        writer.key("value")
        try value.writeCanonicalJSON(to: &writer)
        writer.endObject()
    }
}

extension GoldenPerson: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws {
        writer.beginObject()
        writer.key("addresses")
        try writer.array(addresses)
        if let birthDate {
            writer.key("birthDate")
            try birthDate.writeCanonicalJSON(to: &writer)
        }
        writer.key("identifiers")
        try writer.array(identifiers)
        if let name {
            writer.key("name")
            try name.writeCanonicalJSON(to: &writer)
        }
        if let phone {
            writer.key("phone")
            try phone.writeCanonicalJSON(to: &writer)
        }
        if let sex {
            writer.key("sex")
            try sex.writeCanonicalJSON(to: &writer)
        }
        writer.endObject()
    }
}

extension GoldenBody: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws {
        switch self {
        case .person(let body): try writer.kindTagged(.person, body)
        case .parcel(let body): try writer.kindTagged(.parcel, body)
        case .enterprise(let body): try writer.kindTagged(.enterprise, body)
        }
    }
}

extension GoldenRecord: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws {
        writer.beginObject()
        writer.key("body")
        try body.writeCanonicalJSON(to: &writer)
        writer.key("entityID")
        writer.string(entityID)
        writer.key("mentions")
        try writer.array(mentions)
        writer.endObject()
    }
}

extension CanonicalJSONWriter {
    /// `{"kind": …, "<kind>": record}`, the shape of `MentionBody` and `GoldenBody`, with the keys in sorted order:
    /// `enterprise` < `kind` < `parcel` < `person`.
    mutating func kindTagged(_ kind: EntityKind, _ record: some CanonicalJSONWritable) throws {
        let recordKey: StaticString
        switch kind {
        case .person: recordKey = "person"
        case .parcel: recordKey = "parcel"
        case .enterprise: recordKey = "enterprise"
        }
        beginObject()
        if kind == .enterprise {
            key(recordKey)
            try value(record)
        }
        key("kind")
        string(raw: kind)
        if kind != .enterprise {
            key(recordKey)
            try value(record)
        }
        endObject()
    }
}
