import Domain
import Storage

/// Where the registries disagree, commune by commune (2025 communes): what `lienthong report quality` prints and
/// the daemon exports as gauges. A person entity counts in every commune one of its mentions places it in; the
/// totals count each entity, mention and item once.
public struct DataQualityReport: Codable, Sendable, Equatable {
    /// The figures of one commune, or of the whole selection (`totals`).
    public struct Figures: Codable, Sendable, Equatable {
        /// Person entities (an unresolved mention counts as its own).
        public var persons = 0
        /// Person entities without a valid 12-digit personal number in any mention.
        public var personsWithoutPersonalNumber = 0
        /// Person entities seen as land owners but in no residence registry.
        public var landOwnersNotResidents = 0
        /// Person entities seen as enterprise representatives but in no residence registry.
        public var representativesNotResidents = 0
        /// Mentions whose address is still written on the pre-2025 map.
        public var mentionsOnPre2025Addresses = 0
        /// Identifier findings by rule (`personal_number.birth_year_mismatch`, `cmnd.length` …): invalid or
        /// inconsistent identifiers, by kind (the rule's prefix).
        public var identifierFindings: [String: Int] = [:]
        /// Open review items with a mention here, by type.
        public var openReviewItems: [String: Int] = [:]

        public init() {}
    }

    public struct Commune: Codable, Sendable, Equatable {
        /// The 2025 commune code, or "" for mentions no 2025 commune could be given to.
        public var code: String
        public var provinceCode: String?
        public var figures: Figures
    }

    public var communes: [Commune]
    public var totals: Figures
    /// Quarantined records by source and reason rule (they failed mapping, so they have no commune). A record with
    /// several reasons counts under each; `quarantinedRecords` counts records.
    public var quarantinedByReason: [String: [String: Int]]
    public var quarantinedRecords: Int

    /// Which registries place a person as a resident, a land owner, an enterprise representative.
    public struct Registries: Sendable {
        public var residence: Set<String> = ["population", "commune"]
        public var land: Set<String> = ["land"]
        public var enterprise: Set<String> = ["enterprise"]

        public init() {}
    }

    /// Identifier findings are the mention findings whose rule starts with one of these.
    static let identifierRulePrefixes = ["personal_number.", "cmnd.", "enterprise_code."]

    /// Reads the whole store in one snapshot. `province` / `commune` select 2025 codes (nil: every one).
    public static func compute(
        from reader: any StoreReader, province: String? = nil, commune: String? = nil, map: (any AdministrativeMap)? = nil,
        registries: Registries = Registries()
    ) throws -> DataQualityReport {
        var tally = DataQualityTally(province: province, commune: commune, map: map)
        var entities: [String: DataQualityTally.PersonEntity] = [:]
        try reader.forEachMention { stored, entityID in
            let places = tally.places(of: stored.mention.body)
            tally.countMention(stored.mention, places: places)
            guard case .person(let person) = stored.mention.body else { return }
            let key = entityID ?? "#\(stored.id)"
            entities[key, default: DataQualityTally.PersonEntity()].add(person, registry: stored.mention.registry, places: places)
        }
        for entity in entities.values { tally.countPerson(entity, registries: registries) }
        for item in try reader.reviewItems(status: .open, limit: Int(Int32.max)) {
            let entries = try reader.personIndexEntries(mentionIDs: [item.first, item.second])
            var places: [String: String?] = [:]
            for entry in entries {
                for code in entry.communeCodes { places[code] = entry.provinceCodes.first }
            }
            tally.countReviewItem(item.type.rawValue, places: places.isEmpty ? ["": nil] : places)
        }
        var quarantined: [String: [String: Int]] = [:]
        var quarantinedRecords = 0
        for record in try reader.quarantined(source: nil, includeRetried: false, limit: Int(Int32.max)) {
            quarantinedRecords += 1
            for rule in Set(record.reasons.map(\.rule)) { quarantined[record.source, default: [:]][rule, default: 0] += 1 }
        }
        return DataQualityReport(
            communes: tally.communes(), totals: tally.totals, quarantinedByReason: quarantined, quarantinedRecords: quarantinedRecords)
    }
}
