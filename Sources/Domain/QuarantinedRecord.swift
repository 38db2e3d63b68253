/// A record that could not be staged, kept with everything needed to fix and re-drive it.
public struct QuarantinedRecord: Hashable, Codable, Sendable {
    public var id: Int64
    public var source: String
    public var location: SourceLocation
    /// The record's raw text as read.
    public var rawText: String
    /// Every reason the record failed, each naming its rule.
    public var reasons: [Finding]
    public var quarantinedAt: String
    /// `open`, or `retried` once a fixed mapping staged it (`lienthong quarantine retry`).
    public var status: String
    /// The decoded record (`RawNode.jsonText`) when it failed mapping, so it can be re-driven without its file;
    /// nil when it could not be decoded at all (the source must send it again, corrected).
    public var recordJSON: String?

    public init(
        id: Int64, source: String, location: SourceLocation, rawText: String, reasons: [Finding], quarantinedAt: String,
        status: String = "open", recordJSON: String? = nil
    ) {
        self.id = id
        self.source = source
        self.location = location
        self.rawText = rawText
        self.reasons = reasons
        self.quarantinedAt = quarantinedAt
        self.status = status
        self.recordJSON = recordJSON
    }
}
