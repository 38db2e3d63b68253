/// Which administrative map a unit code belongs to: the pre-2025 three-level one or the two-level one
/// in force since 1 July 2025. The same digits can name different units in the two schemes.
public enum AdminScheme: String, Codable, Sendable {
    case pre2025 = "pre2025"
    case from2025 = "2025"
}

/// A postal or residence address: the text as given plus the parsed and crosswalked parts.
public struct Address: Hashable, Codable, Sendable {
    /// The address as the source wrote it (after decoding to NFC).
    public var text: String?
    public var houseNumber: String?
    public var street: String?
    /// Postal code (mã bưu chính: five digits since 2018, six before), digits only.
    public var postalCode: String?
    /// Commune (xã / phường / đặc khu) code, five digits, in `scheme`.
    public var communeCode: String?
    /// District code (pre-2025 scheme only; districts were abolished).
    public var districtCode: String?
    /// Province code, two digits, in `scheme`.
    public var provinceCode: String?
    public var scheme: AdminScheme?
    /// The 2025 commune(s) this address lies in after the crosswalk: one code, or the candidates when the
    /// old commune was split and the address does not say which part.
    public var currentCommuneCodes: [String]
    /// The 2025 province after the crosswalk.
    public var currentProvinceCode: String?

    public init(
        text: String? = nil, houseNumber: String? = nil, street: String? = nil, postalCode: String? = nil, communeCode: String? = nil,
        districtCode: String? = nil, provinceCode: String? = nil, scheme: AdminScheme? = nil,
        currentCommuneCodes: [String] = [], currentProvinceCode: String? = nil
    ) {
        self.text = text
        self.houseNumber = houseNumber
        self.street = street
        self.postalCode = postalCode
        self.communeCode = communeCode
        self.districtCode = districtCode
        self.provinceCode = provinceCode
        self.scheme = scheme
        self.currentCommuneCodes = currentCommuneCodes
        self.currentProvinceCode = currentProvinceCode
    }
}
