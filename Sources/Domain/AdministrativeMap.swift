/// The 2025 administrative map as far as placing records needs it: where a pre-2025 commune lies now, and which
/// province a 2025 commune is in. `Reference.ReferenceData` is the implementation; stages that place records
/// (jurisdiction scopes, the data-quality report) take it as this protocol so they need not load reference data.
public protocol AdministrativeMap: Sendable {
    /// A pre-2025 commune code → the 2025 communes it lies in (several when it was split), each with its province.
    func currentCommunes(ofPre2025Commune code: String) -> [String: String]
    /// A 2025 commune code → its 2025 province code.
    func province(of2025Commune code: String) -> String?
}

/// Where records are, on the 2025 map: 2025 commune code → 2025 province code (nil when unknown).
public enum Places {
    /// The communes addresses place a record in (their crosswalked codes, or their own code on the 2025 map).
    public static func of(_ addresses: [Address], map: (any AdministrativeMap)?) -> [String: String?] {
        var places: [String: String?] = [:]
        for address in addresses {
            var codes = address.currentCommuneCodes
            if codes.isEmpty, address.scheme == .from2025, let code = address.communeCode { codes = [code] }
            let province = address.currentProvinceCode ?? (address.scheme == .from2025 ? address.provinceCode : nil)
            for code in codes {
                let placed: String? = province ?? map?.province(of2025Commune: code)
                places[code] = .some(placed)
            }
        }
        return places
    }

    /// A parcel's commune on the 2025 map (through the crosswalk when it is recorded on the old one), else its address.
    public static func of(_ parcel: ParcelRecord, map: (any AdministrativeMap)?) -> [String: String?] {
        var places: [String: String?] = [:]
        if parcel.communeScheme == .from2025 {
            places[parcel.communeCode] = .some(map?.province(of2025Commune: parcel.communeCode))
        } else {
            for (code, province) in map?.currentCommunes(ofPre2025Commune: parcel.communeCode) ?? [:] { places[code] = .some(province) }
        }
        return places.isEmpty ? of(parcel.address.map { [$0] } ?? [], map: map) : places
    }

    /// Where a mention's own content places it.
    public static func of(_ body: MentionBody, map: (any AdministrativeMap)?) -> [String: String?] {
        switch body {
        case .person(let person): return of(person.addresses, map: map)
        case .parcel(let parcel): return of(parcel, map: map)
        case .enterprise(let enterprise): return of(enterprise.address.map { [$0] } ?? [], map: map)
        }
    }
}
