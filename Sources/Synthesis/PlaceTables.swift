import Domain
import Reference

/// An old (pre-2025) three-level address: the commune a 2025 commune came from, with its district and province.
struct OldPlace: Sendable {
    let communeCode: String
    let communeName: String
    let communeType: String
    let districtCode: String
    let districtName: String
    let provinceCode: String
    let provinceName: String
}

/// Geography precomputed from the reference data for fast sampling: weighted 2025 communes, their old
/// predecessors, and pre-2025 provinces for birth registration.
struct PlaceTables: Sendable {
    let communes: [Commune2025]
    let provinceNames: [String: String]
    /// Where people live: 2025 communes weighted by province population and unit type.
    let residence: WeightedTable
    let residenceWeights: [Double]
    /// For each entry of `communes`, the old communes that map (wholly or partly) to it.
    let predecessors: [[OldPlace]]
    /// All old places (for land parcels registered elsewhere).
    let oldPlaces: [OldPlace]
    /// `0` + pre-2025 province code, for birth registration elsewhere than the residence.
    let birthRegistrationCodes: WeightedChoice<String>

    /// Approximate populations of the 34 provinces of 2025, millions (rounded public estimates; only the
    /// proportions matter).
    static let provincePopulation: [String: Double] = [
        "01": 8.7, "04": 0.6, "08": 1.9, "11": 0.6, "12": 0.5, "14": 1.3, "15": 1.8, "19": 1.8, "20": 0.8,
        "22": 1.4, "24": 3.6, "25": 4.0, "31": 4.7, "33": 3.6, "37": 4.4, "38": 4.3, "40": 3.8, "42": 1.6,
        "44": 1.9, "46": 1.4, "48": 3.1, "51": 2.2, "52": 3.6, "56": 2.2, "66": 3.3, "68": 3.9, "75": 4.5,
        "79": 14.0, "80": 3.3, "82": 4.4, "86": 4.3, "91": 4.9, "92": 4.2, "96": 2.6,
    ]

    init(reference: ReferenceData) {
        communes = reference.communes2025
        var names: [String: String] = [:]
        for province in reference.provinces2025 { names[province.code] = province.name }
        provinceNames = names

        var typeTotals: [String: Double] = [:]
        for commune in communes { typeTotals[commune.provinceCode, default: 0] += Self.typeWeight(commune.type) }
        residenceWeights = communes.map { commune in
            let province = Self.provincePopulation[commune.provinceCode] ?? 1.0
            return province * Self.typeWeight(commune.type) / max(typeTotals[commune.provinceCode] ?? 1, 1e-9)
        }
        residence = WeightedTable(residenceWeights)

        var positionOfNew: [String: Int] = [:]
        for (position, commune) in communes.enumerated() { positionOfNew[commune.code] = position }
        var predecessors = [[OldPlace]](repeating: [], count: communes.count)
        var oldPlaces: [OldPlace] = []
        for old in reference.communesPre2025 {
            guard let district = reference.districtPre2025(code: old.districtCode),
                let province = reference.provincePre2025(code: old.provinceCode)
            else { continue }
            let place = OldPlace(
                communeCode: old.code, communeName: old.name, communeType: Self.type(ofOldName: old.name),
                districtCode: district.code, districtName: district.name, provinceCode: province.code, provinceName: province.name)
            let targets = reference.newCommunes(forOldCommune: old.code)
            guard !targets.isEmpty else { continue }
            oldPlaces.append(place)
            for target in targets {
                if let position = positionOfNew[target.newCommuneCode] { predecessors[position].append(place) }
            }
        }
        self.predecessors = predecessors
        self.oldPlaces = oldPlaces

        var oldProvinceWeights: [(String, Double)] = []
        for province in reference.provincesPre2025 {
            let successor = reference.newProvince(forOldProvince: province.code) ?? province.code
            let sharers = reference.provincesPre2025.filter { reference.newProvince(forOldProvince: $0.code) == successor }.count
            oldProvinceWeights.append(("0" + province.code, (Self.provincePopulation[successor] ?? 1) / Double(max(sharers, 1))))
        }
        birthRegistrationCodes = WeightedChoice(oldProvinceWeights)
    }

    /// Towns are denser than villages; special zones (islands) are sparse.
    static func typeWeight(_ type: String) -> Double {
        switch type {
        case "phường": return 2.5
        case "đặc khu": return 0.3
        default: return 1.0
        }
    }

    /// `xã`, `phường` or `thị trấn` from an old commune's official name.
    static func type(ofOldName name: String) -> String {
        if name.hasPrefix("Phường") { return "phường" }
        if name.hasPrefix("Thị trấn") { return "thị trấn" }
        return "xã"
    }

    func isUrban(_ commune: Commune2025) -> Bool { commune.type == "phường" }

    /// Southern provinces call hamlets "ấp"; the north and centre "thôn" or "xóm".
    func hamletWord(provinceCode: String, _ random: inout SplitMix64) -> String {
        if let code = Int(provinceCode), code >= 75 { return "Ấp" }
        return random.chance(0.6) ? "Thôn" : "Xóm"
    }
}
