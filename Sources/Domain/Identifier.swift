/// The kinds of identifier a registry may carry for a person, an enterprise or a parcel.
public enum IdentifierType: String, Codable, Sendable, CaseIterable {
    /// 12-digit personal identification number (số định danh cá nhân, on the CCCD / căn cước card).
    case personalNumber = "personal_number"
    /// 9-digit legacy identity card number (CMND); the first two digits name the issuing province.
    case legacyID9 = "cmnd9"
    case passport
    /// Social insurance number (mã số bảo hiểm xã hội): digits, 10 on current cards; older schemes and foreign
    /// registers use other lengths, so only the digits are checked.
    case socialInsurance = "social_insurance"
    /// 10-digit enterprise code (= tax code), or 13 digits with a branch suffix.
    case enterpriseCode = "enterprise_code"
    /// Business registration number from before 2015.
    case businessRegistration = "business_registration"
    /// Parcel key: old or new commune code, map sheet and parcel number.
    case parcelKey = "parcel_key"
    /// Land-use right certificate number.
    case landCertificate = "land_certificate"
}

/// A typed identifier with its validity and history: a person may hold several 9-digit numbers
/// over time and one 12-digit number; none of that is a conflict.
public struct Identifier: Hashable, Codable, Sendable {
    public var type: IdentifierType
    /// Canonical value (digits only for numeric identifiers).
    public var value: String
    /// False when the value failed its structural check; such identifiers are kept, with findings.
    public var isValid: Bool
    /// Issuing authority or province where known (the CMND's province, the CCCD's birth-registration code).
    public var issuer: String?
    public var validFrom: PartialDate?
    public var validTo: PartialDate?

    public init(
        type: IdentifierType, value: String, isValid: Bool = true, issuer: String? = nil,
        validFrom: PartialDate? = nil, validTo: PartialDate? = nil
    ) {
        self.type = type
        self.value = value
        self.isValid = isValid
        self.issuer = issuer
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
