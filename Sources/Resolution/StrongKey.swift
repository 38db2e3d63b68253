import Domain

/// The deterministic identity key of a mention, when it has one: a valid 12-digit personal number for a
/// person, the parcel key for a parcel, the enterprise code for an enterprise.
public struct StrongKey: Hashable, Sendable {
    public var type: String
    public var value: String

    public init?(of mention: Mention) {
        switch mention.body {
        case .person(let person):
            guard let number = person.personalNumber else { return nil }
            type = IdentifierType.personalNumber.rawValue
            value = number
        case .parcel(let parcel):
            type = IdentifierType.parcelKey.rawValue
            value = "\(parcel.communeScheme.rawValue):\(parcel.parcelKey)"
        case .enterprise(let enterprise):
            guard enterprise.codeIsValid else { return nil }
            type = IdentifierType.enterpriseCode.rawValue
            value = enterprise.code
        }
    }
}
