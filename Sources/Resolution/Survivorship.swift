import Domain
import Storage

/// Builds golden records from an entity's mentions: per-field rules, each golden field naming its mention.
///
/// Authority: registries earlier in `registryAuthority` win names, birth dates and sex (the population register
/// first); within one registry the lower (older) mention id wins, so the result does not depend on read order.
public struct Survivorship: Sendable {
    public var registryAuthority: [String]

    public init(registryAuthority: [String] = ["population", "commune", "land", "enterprise"]) {
        self.registryAuthority = registryAuthority
    }

    func rank(_ registry: String) -> Int { registryAuthority.firstIndex(of: registry) ?? registryAuthority.count }

    /// Members sorted by authority, then by mention id.
    func ordered(_ members: [StoredMention]) -> [StoredMention] {
        members.sorted { (rank($0.mention.registry), $0.id) < (rank($1.mention.registry), $1.id) }
    }

    /// Golden fields a steward may pin to one mention's value (`lienthong conflicts decide --choose`).
    public static let choosableFields = ["name", "birthDate", "sex", "phone"]

    /// The golden record of an entity's members; `choices` (steward value choices of members) win their field.
    public func golden(entityID: String, members: [StoredMention], choices: [ValueChoice] = []) -> GoldenRecord? {
        let ordered = ordered(members)
        guard let first = ordered.first else { return nil }
        let keys = ordered.map(\.mention.key).sorted()
        switch first.mention.body {
        case .person:
            return GoldenRecord(entityID: entityID, body: .person(person(ordered, choices: choices)), mentions: keys)
        case .parcel(let parcel):
            return GoldenRecord(entityID: entityID, body: .parcel(Provenanced(value: parcel, from: first.mention.key)), mentions: keys)
        case .enterprise(let enterprise):
            return GoldenRecord(
                entityID: entityID, body: .enterprise(Provenanced(value: enterprise, from: first.mention.key)), mentions: keys)
        }
    }

    private func person(_ ordered: [StoredMention], choices: [ValueChoice]) -> GoldenPerson {
        var golden = GoldenPerson()
        // A steward's choice wins its field: that mention is consulted first for it.
        for choice in choices {
            guard let stored = ordered.first(where: { $0.id == choice.mentionID }), case .person(let record) = stored.mention.body
            else { continue }
            let from = stored.mention.key
            switch choice.field {
            case "name": golden.name = record.name.map { Provenanced(value: $0, from: from) }
            case "sex": golden.sex = record.sex.map { Provenanced(value: $0, from: from) }
            case "phone": golden.phone = record.phone.map { Provenanced(value: $0, from: from) }
            default: break
            }
        }
        let chosenDate = choices.first { $0.field == "birthDate" }.flatMap { choice in
            ordered.first { $0.id == choice.mentionID }
        }
        var identifiers: Set<String> = []
        var addresses: Set<Address> = []
        var bestDate: Provenanced<PartialDate>?
        for stored in ordered {
            guard case .person(let record) = stored.mention.body else { continue }
            let from = stored.mention.key
            if golden.name == nil, let name = record.name { golden.name = Provenanced(value: name, from: from) }
            if golden.sex == nil, let sex = record.sex { golden.sex = Provenanced(value: sex, from: from) }
            if golden.phone == nil, let phone = record.phone { golden.phone = Provenanced(value: phone, from: from) }
            if let date = record.birthDate, bestDate.map({ precisionRank(date) > precisionRank($0.value) }) ?? true {
                bestDate = Provenanced(value: date, from: from)
            }
            for identifier in record.identifiers where identifiers.insert("\(identifier.type.rawValue)|\(identifier.value)").inserted {
                golden.identifiers.append(Provenanced(value: identifier, from: from))
            }
            for address in record.addresses where addresses.insert(address).inserted {
                golden.addresses.append(Provenanced(value: address, from: from))
            }
        }
        golden.birthDate = bestDate
        if let chosenDate, case .person(let record) = chosenDate.mention.body, let date = record.birthDate {
            golden.birthDate = Provenanced(value: date, from: chosenDate.mention.key)
        }
        golden.identifiers.sort { ($0.value.isValid ? 0 : 1, $0.value.type.rawValue) < ($1.value.isValid ? 0 : 1, $1.value.type.rawValue) }
        return golden
    }

    private func precisionRank(_ date: PartialDate) -> Int {
        switch date.precision {
        case .day: return 3
        case .month: return 2
        case .year: return 1
        }
    }
}
