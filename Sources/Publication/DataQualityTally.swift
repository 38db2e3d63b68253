import Domain

/// The running counts behind a `DataQualityReport`: per selected commune and in total, each thing counted once
/// per commune it is in and once in the totals.
struct DataQualityTally {
    let province: String?
    let commune: String?
    let map: (any AdministrativeMap)?
    private(set) var byCommune: [String: DataQualityReport.Figures] = [:]
    private(set) var provinceOf: [String: String] = [:]
    private(set) var totals = DataQualityReport.Figures()

    init(province: String?, commune: String?, map: (any AdministrativeMap)?) {
        self.province = province
        self.commune = commune
        self.map = map
    }

    /// What one person entity is, accumulated over its mentions.
    struct PersonEntity {
        var registries: Set<String> = []
        var hasPersonalNumber = false
        var places: [String: String?] = [:]

        mutating func add(_ person: PersonRecord, registry: String, places more: [String: String?]) {
            registries.insert(registry)
            if person.identifiers.contains(where: { $0.type == .personalNumber && $0.isValid }) { hasPersonalNumber = true }
            places.merge(more) { old, new in old ?? new }
        }
    }

    /// The 2025 communes (with their 2025 province) a mention's content places it in; `["": province?]` when none.
    func places(of body: MentionBody) -> [String: String?] {
        let places = Places.of(body, map: map)
        guard places.isEmpty else { return places }
        if case .person(let person) = body { return ["": person.addresses.compactMap(\.currentProvinceCode).first] }
        return ["": nil]
    }

    /// The selected communes among `places`.
    private mutating func selected(_ places: [String: String?]) -> [String] {
        var codes: [String] = []
        for (code, place) in places {
            if let place, provinceOf[code] == nil, !code.isEmpty { provinceOf[code] = place }
            if let commune, code != commune { continue }
            if let province, (place ?? provinceOf[code]) != province { continue }
            codes.append(code)
        }
        return codes
    }

    private mutating func count(_ places: [String: String?], _ change: (inout DataQualityReport.Figures) -> Void) {
        let codes = selected(places)
        guard !codes.isEmpty else { return }
        for code in codes { change(&byCommune[code, default: DataQualityReport.Figures()]) }
        change(&totals)
    }

    mutating func countMention(_ mention: Mention, places: [String: String?]) {
        let onOldMap: Bool
        switch mention.body {
        case .person(let person): onOldMap = person.addresses.contains { $0.scheme == .pre2025 }
        case .parcel(let parcel): onOldMap = parcel.communeScheme == .pre2025 || parcel.address?.scheme == .pre2025
        case .enterprise(let enterprise): onOldMap = enterprise.address?.scheme == .pre2025
        }
        let identifierRules = mention.findings.map(\.rule).filter { rule in
            DataQualityReport.identifierRulePrefixes.contains { rule.hasPrefix($0) }
        }
        guard onOldMap || !identifierRules.isEmpty else { return }
        count(places) { figures in
            if onOldMap { figures.mentionsOnPre2025Addresses += 1 }
            for rule in identifierRules { figures.identifierFindings[rule, default: 0] += 1 }
        }
    }

    mutating func countPerson(_ entity: PersonEntity, registries: DataQualityReport.Registries) {
        let resident = !entity.registries.isDisjoint(with: registries.residence)
        let owner = !entity.registries.isDisjoint(with: registries.land)
        let representative = !entity.registries.isDisjoint(with: registries.enterprise)
        count(entity.places) { figures in
            figures.persons += 1
            if !entity.hasPersonalNumber { figures.personsWithoutPersonalNumber += 1 }
            if owner && !resident { figures.landOwnersNotResidents += 1 }
            if representative && !resident { figures.representativesNotResidents += 1 }
        }
    }

    mutating func countReviewItem(_ type: String, places: [String: String?]) {
        count(places) { $0.openReviewItems[type, default: 0] += 1 }
    }

    /// The communes with anything to report, by province then code; the unplaced bucket ("") last.
    func communes() -> [DataQualityReport.Commune] {
        byCommune.map { DataQualityReport.Commune(code: $0.key, provinceCode: provinceOf[$0.key], figures: $0.value) }
            .sorted { a, b in
                if a.code.isEmpty != b.code.isEmpty { return !a.code.isEmpty }
                return (a.provinceCode ?? "~", a.code) < (b.provinceCode ?? "~", b.code)
            }
    }
}
