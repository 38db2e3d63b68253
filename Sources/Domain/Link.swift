/// Typed relations between mentions; they follow their mentions through merges and splits.
public enum LinkType: String, Codable, Sendable, CaseIterable {
    /// person → parcel
    case ownsParcel = "owns_parcel"
    /// person → enterprise
    case legalRepresentativeOf = "legal_representative_of"
    /// person → person at the head of the household (`attributes["household"]` names the household book)
    case householdMember = "household_member"
}

/// A link stated by one source record, between two mentions that record produced.
public struct MentionLink: Hashable, Codable, Sendable {
    public var type: LinkType
    public var from: MentionKey
    public var to: MentionKey
    public var attributes: [String: String]

    public init(type: LinkType, from: MentionKey, to: MentionKey, attributes: [String: String] = [:]) {
        self.type = type
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}
