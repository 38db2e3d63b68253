import Domain

/// What a mapping makes of one raw record.
public enum MappingResult: Sendable {
    /// The record's mentions (one per output whose condition held) and the links between them.
    case mapped(mentions: [Mention], links: [MentionLink])
    /// The record cannot be used: every reason, each naming the field, the value and the rule.
    case quarantined(reasons: [Finding])
}
