/// One steward decision as the audit trail keeps it: who, when, what, why, and which entities the mentions
/// belonged to before and after.
public struct StewardDecision: Hashable, Sendable, Codable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case link, noLink = "no_link", choose, merge, split, unlink, clearChoice = "clear_choice"
    }

    public var id: Int64
    public var actor: String
    public var time: String
    public var action: Action
    /// The review item decided, when the decision answered one.
    public var reviewItem: Int64?
    /// The mentions the decision is about.
    public var mentions: [Int64]
    public var reason: String?
    /// Entity of each mention before, and after (as "mention=entity" pairs, in `mentions` order).
    public var entitiesBefore: [String]
    public var entitiesAfter: [String]
    /// What else the action needs to be understood (the chosen field, the entities merged …), free text.
    public var detail: String

    public init(
        id: Int64 = 0, actor: String, time: String, action: Action, reviewItem: Int64?, mentions: [Int64], reason: String?,
        entitiesBefore: [String], entitiesAfter: [String], detail: String
    ) {
        self.id = id
        self.actor = actor
        self.time = time
        self.action = action
        self.reviewItem = reviewItem
        self.mentions = mentions
        self.reason = reason
        self.entitiesBefore = entitiesBefore
        self.entitiesAfter = entitiesAfter
        self.detail = detail
    }
}

/// A steward's choice that one mention's value of a field wins survivorship in whatever entity the mention is in,
/// until cleared.
public struct ValueChoice: Hashable, Sendable, Codable {
    public var mentionID: Int64
    /// A golden field name: `name`, `birthDate`, `sex`, `phone`.
    public var field: String
    public var actor: String
    public var time: String

    public init(mentionID: Int64, field: String, actor: String, time: String) {
        self.mentionID = mentionID
        self.field = field
        self.actor = actor
        self.time = time
    }
}
