import Domain

/// Flattens a mention to `field → text` for examples, previews and tests: `name`, `birth_date`,
/// `identifiers` (`type:value`, comma-separated, ` (invalid)` marked), `address.commune` …
public enum MentionRendering {
    static let addressFields = [
        "address.text", "address.commune", "address.district", "address.province", "address.scheme", "address.current_communes",
        "address.current_province", "address.postal_code",
    ]

    /// The names `render` can produce for a kind.
    public static func fieldNames(for kind: EntityKind) -> [String] {
        switch kind {
        case .person:
            return ["key", "name", "name.family", "name.middle", "name.given", "birth_date", "sex", "identifiers", "phone", "household", "household_relation"]
                + addressFields
        case .parcel:
            return ["key", "commune", "scheme", "sheet", "number", "parcel_key", "area", "land_use", "certificate"] + addressFields
        case .enterprise:
            return ["key", "code", "code_valid", "name", "status", "registration_date"] + addressFields
        }
    }

    /// The mention's fields as text; absent values are left out.
    public static func render(_ mention: Mention) -> [String: String] {
        var fields: [String: String] = ["key": mention.key.recordKey]
        switch mention.body {
        case .person(let person):
            fields["name"] = person.name?.full
            fields["name.family"] = person.name?.family
            fields["name.middle"] = person.name?.middle
            fields["name.given"] = person.name?.given
            fields["birth_date"] = person.birthDate?.description
            fields["sex"] = person.sex?.rawValue
            if !person.identifiers.isEmpty {
                fields["identifiers"] = person.identifiers.map { "\($0.type.rawValue):\($0.value)\($0.isValid ? "" : " (invalid)")" }
                    .joined(separator: ", ")
            }
            fields["phone"] = person.phone
            fields["household"] = person.householdID
            fields["household_relation"] = person.householdRelation
            if let address = person.addresses.first { render(address, into: &fields) }
        case .parcel(let parcel):
            fields["commune"] = parcel.communeCode
            fields["scheme"] = parcel.communeScheme.rawValue
            fields["sheet"] = parcel.mapSheet
            fields["number"] = parcel.parcelNumber
            fields["parcel_key"] = parcel.parcelKey
            fields["area"] = parcel.area.map(format)
            fields["land_use"] = parcel.landUse
            fields["certificate"] = parcel.certificate
            if let address = parcel.address { render(address, into: &fields) }
        case .enterprise(let enterprise):
            fields["code"] = enterprise.code
            fields["code_valid"] = enterprise.codeIsValid ? "true" : "false"
            fields["name"] = enterprise.name
            fields["status"] = enterprise.status?.rawValue
            fields["registration_date"] = enterprise.registrationDate?.description
            if let address = enterprise.address { render(address, into: &fields) }
        }
        return fields
    }

    private static func render(_ address: Address, into fields: inout [String: String]) {
        fields["address.text"] = address.text
        fields["address.commune"] = address.communeCode
        fields["address.district"] = address.districtCode
        fields["address.province"] = address.provinceCode
        fields["address.scheme"] = address.scheme?.rawValue
        if !address.currentCommuneCodes.isEmpty { fields["address.current_communes"] = address.currentCommuneCodes.joined(separator: ",") }
        fields["address.current_province"] = address.currentProvinceCode
        fields["address.postal_code"] = address.postalCode
    }

    /// `123.5`, or `120` for a whole number.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
