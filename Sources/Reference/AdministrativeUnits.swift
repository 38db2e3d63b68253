/// A province-level unit of the two-level map in force since 1 July 2025 (34 units).
public struct Province2025: Hashable, Sendable {
    /// Two-digit statistics-office code, e.g. `80`.
    public let code: String
    /// Official name with its unit type, e.g. `Tỉnh Tây Ninh`.
    public let name: String
    /// Unit type as the statistics office writes it: `tỉnh` or `thành phố trung ương`.
    public let type: String

    public init(code: String, name: String, type: String) {
        self.code = code
        self.name = name
        self.type = type
    }
}

/// A commune-level unit (xã, phường, đặc khu) of the 2025 map (3,321 units).
public struct Commune2025: Hashable, Sendable {
    /// Five-digit code, unique nationally.
    public let code: String
    public let name: String
    /// `xã`, `phường` or `đặc khu`.
    public let type: String
    public let provinceCode: String

    public init(code: String, name: String, type: String, provinceCode: String) {
        self.code = code
        self.name = name
        self.type = type
        self.provinceCode = provinceCode
    }
}

/// A province of the pre-2025 63-province map. The same digits may name another unit since 2025.
public struct ProvincePre2025: Hashable, Sendable {
    public let code: String
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// A district-level unit (huyện, quận, thị xã, thành phố thuộc tỉnh) of the pre-2025 map.
public struct DistrictPre2025: Hashable, Sendable {
    /// Three-digit code.
    public let code: String
    public let name: String
    public let provinceCode: String

    public init(code: String, name: String, provinceCode: String) {
        self.code = code
        self.name = name
        self.provinceCode = provinceCode
    }
}

/// A commune-level unit (xã, phường, thị trấn) of the pre-2025 three-level map.
public struct CommunePre2025: Hashable, Sendable {
    public let code: String
    public let name: String
    public let districtCode: String
    public let provinceCode: String

    public init(code: String, name: String, districtCode: String, provinceCode: String) {
        self.code = code
        self.name = name
        self.districtCode = districtCode
        self.provinceCode = provinceCode
    }
}

/// One 2025 commune that (part of) an old commune became.
public struct CrosswalkTarget: Hashable, Sendable {
    public let newCommuneCode: String
    public let newProvinceCode: String
    /// True when the old commune was merged only in part, so it may lie in several new communes.
    public let isPartial: Bool

    public init(newCommuneCode: String, newProvinceCode: String, isPartial: Bool) {
        self.newCommuneCode = newCommuneCode
        self.newProvinceCode = newProvinceCode
        self.isPartial = isPartial
    }
}
