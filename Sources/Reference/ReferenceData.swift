import Domain
import Synchronization

/// The administrative-unit lists, the 2025 crosswalk and the code tables in `Mappings/reference/`,
/// loaded once and shared read-only. Codes are zero-padded digit strings.
public final class ReferenceData: Sendable {
    /// The 34 provinces since 1 July 2025, by code.
    public let provinces2025: [Province2025]
    /// The 3,321 communes since 1 July 2025, by code.
    public let communes2025: [Commune2025]
    /// The 63 provinces before 1 July 2025.
    public let provincesPre2025: [ProvincePre2025]
    public let districtsPre2025: [DistrictPre2025]
    public let communesPre2025: [CommunePre2025]

    let province2025ByCode: [String: Int]
    let commune2025ByCode: [String: Int]
    let provincePre2025ByCode: [String: Int]
    let districtPre2025ByCode: [String: Int]
    let communePre2025ByCode: [String: Int]
    let communeCrosswalk: [String: [CrosswalkTarget]]
    let provinceCrosswalk: [String: String]
    let birthRegistrationProvinces: [String: String]
    let landUseNames: [String: String]

    /// Built on the first name search: folding 13,000 names costs more than reading all the files.
    private let nameIndexes = Mutex<NameIndexes?>(nil)
    /// FNV-1a of each table file's bytes as loaded (hex; empty when built otherwise): part of a record fingerprint's
    /// salt, so it describes the data loaded, not the files as they may be later.
    public let sourceDigest: String

    init(
        provinces2025: [Province2025], communes2025: [Commune2025], provincesPre2025: [ProvincePre2025],
        districtsPre2025: [DistrictPre2025], communesPre2025: [CommunePre2025],
        communeCrosswalk: [String: [CrosswalkTarget]], provinceCrosswalk: [String: String],
        birthRegistrationProvinces: [String: String], landUseNames: [String: String], sourceDigest: String = ""
    ) {
        self.sourceDigest = sourceDigest
        self.provinces2025 = provinces2025
        self.communes2025 = communes2025
        self.provincesPre2025 = provincesPre2025
        self.districtsPre2025 = districtsPre2025
        self.communesPre2025 = communesPre2025
        self.communeCrosswalk = communeCrosswalk
        self.provinceCrosswalk = provinceCrosswalk
        self.birthRegistrationProvinces = birthRegistrationProvinces
        self.landUseNames = landUseNames
        province2025ByCode = Self.positions(provinces2025.map(\.code))
        commune2025ByCode = Self.positions(communes2025.map(\.code))
        provincePre2025ByCode = Self.positions(provincesPre2025.map(\.code))
        districtPre2025ByCode = Self.positions(districtsPre2025.map(\.code))
        communePre2025ByCode = Self.positions(communesPre2025.map(\.code))
    }

    /// The folded-name indexes, built once on first use.
    var names: NameIndexes {
        nameIndexes.withLock { cached in
            if let cached { return cached }
            let built = NameIndexes(
                provinces2025: NameIndex(names: provinces2025.map(\.name)),
                communes2025: NameIndex(names: communes2025.map(\.name)),
                provincesPre2025: NameIndex(names: provincesPre2025.map(\.name)),
                districtsPre2025: NameIndex(names: districtsPre2025.map(\.name)),
                communesPre2025: NameIndex(names: communesPre2025.map(\.name)))
            cached = built
            return built
        }
    }

    private static func positions(_ codes: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(codes.count)
        for (position, code) in codes.enumerated() where result[code] == nil {
            result[code] = position
        }
        return result
    }

    public func province2025(code: String) -> Province2025? { province2025ByCode[code].map { provinces2025[$0] } }

    public func commune2025(code: String) -> Commune2025? { commune2025ByCode[code].map { communes2025[$0] } }

    public func provincePre2025(code: String) -> ProvincePre2025? {
        provincePre2025ByCode[code].map { provincesPre2025[$0] }
    }

    public func districtPre2025(code: String) -> DistrictPre2025? {
        districtPre2025ByCode[code].map { districtsPre2025[$0] }
    }

    public func communePre2025(code: String) -> CommunePre2025? {
        communePre2025ByCode[code].map { communesPre2025[$0] }
    }

    /// The 2025 commune(s) an old (pre-2025) commune became, by new code; several when it was split;
    /// empty when the code is unknown.
    public func newCommunes(forOldCommune code: String) -> [CrosswalkTarget] { communeCrosswalk[code] ?? [] }

    /// The 2025 province an old province was merged into (`77` → `79`); nil when the code is unknown.
    public func newProvince(forOldProvince code: String) -> String? { provinceCrosswalk[code] }

    /// Name of the province behind a 3-digit personal-number prefix (`080` → `Tỉnh Long An`), from the
    /// historical 63-province list; nil for unknown prefixes (country codes are not listed).
    public func birthRegistrationProvince(code: String) -> String? { birthRegistrationProvinces[code] }

    /// Name of a cadastral land-use code (`ODT` → `Đất ở tại đô thị`); codes are matched upper-case.
    public func landUseName(code: String) -> String? { landUseNames[code.uppercased()] }
}

extension ReferenceData: AdministrativeMap {
    public func currentCommunes(ofPre2025Commune code: String) -> [String: String] {
        Dictionary(newCommunes(forOldCommune: code).map { ($0.newCommuneCode, $0.newProvinceCode) }, uniquingKeysWith: { first, _ in first })
    }

    public func province(of2025Commune code: String) -> String? { commune2025(code: code)?.provinceCode }
}
