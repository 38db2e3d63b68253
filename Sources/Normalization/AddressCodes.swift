import Domain

/// The codes a structured source gives for an address, as written (before padding and checks).
public struct AddressCodes: Hashable, Sendable {
    public var commune: String?
    public var district: String?
    public var province: String?
    public var scheme: AdminScheme

    public init(commune: String?, district: String?, province: String?, scheme: AdminScheme) {
        self.commune = commune
        self.district = district
        self.province = province
        self.scheme = scheme
    }
}
