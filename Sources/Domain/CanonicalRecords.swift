/// A person as one registry record describes them.
public struct PersonRecord: Hashable, Codable, Sendable {
    public var name: PersonName?
    public var birthDate: PartialDate?
    public var sex: Sex?
    public var identifiers: [Identifier]
    public var addresses: [Address]
    /// E.164 phone number (`+84…`).
    public var phone: String?
    /// Household book number (sổ hộ khẩu) the record places the person in.
    public var householdID: String?
    /// Relation to the head of that household as the source wrote it ("Chủ hộ", "Vợ", "Con" …).
    public var householdRelation: String?

    public init(
        name: PersonName? = nil, birthDate: PartialDate? = nil, sex: Sex? = nil, identifiers: [Identifier] = [],
        addresses: [Address] = [], phone: String? = nil, householdID: String? = nil, householdRelation: String? = nil
    ) {
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
        self.identifiers = identifiers
        self.addresses = addresses
        self.phone = phone
        self.householdID = householdID
        self.householdRelation = householdRelation
    }

    /// The valid 12-digit personal number, if the record carries one.
    public var personalNumber: String? {
        identifiers.first(where: { $0.type == .personalNumber && $0.isValid })?.value
    }
}

/// A land parcel: identified within a commune's cadastral map series by sheet and parcel number.
public struct ParcelRecord: Hashable, Codable, Sendable {
    /// Commune code of the cadastral series (often the pre-2025 commune: sheet numbers restart per old commune).
    public var communeCode: String
    public var communeScheme: AdminScheme
    public var mapSheet: String
    public var parcelNumber: String
    /// Area in square metres.
    public var area: Double?
    /// Land-use code (ODT, ONT, LUC, CLN, …).
    public var landUse: String?
    public var certificate: String?
    public var address: Address?

    public init(
        communeCode: String, communeScheme: AdminScheme, mapSheet: String, parcelNumber: String, area: Double? = nil,
        landUse: String? = nil, certificate: String? = nil, address: Address? = nil
    ) {
        self.communeCode = communeCode
        self.communeScheme = communeScheme
        self.mapSheet = mapSheet
        self.parcelNumber = parcelNumber
        self.area = area
        self.landUse = landUse
        self.certificate = certificate
        self.address = address
    }

    /// `commune.sheet.parcel`, the parcel's identity within its cadastral series.
    public var parcelKey: String { "\(communeCode).\(mapSheet).\(parcelNumber)" }
}

public enum EnterpriseStatus: String, Codable, Sendable {
    case active, suspended, dissolved, bankrupt, unknown
}

/// An enterprise as the business register describes it.
public struct EnterpriseRecord: Hashable, Codable, Sendable {
    /// Enterprise code (= tax code), 10 digits or 13 with a branch suffix.
    public var code: String
    public var codeIsValid: Bool
    public var name: String
    public var status: EnterpriseStatus?
    public var registrationDate: PartialDate?
    public var address: Address?

    public init(
        code: String, codeIsValid: Bool = true, name: String, status: EnterpriseStatus? = nil,
        registrationDate: PartialDate? = nil, address: Address? = nil
    ) {
        self.code = code
        self.codeIsValid = codeIsValid
        self.name = name
        self.status = status
        self.registrationDate = registrationDate
        self.address = address
    }
}
