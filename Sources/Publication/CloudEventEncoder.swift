import Domain
import Foundation

/// Encodes feed events as structured-mode CloudEvents 1.0 JSON, one object per event:
/// `specversion`, `id`, `source`, `type`, `subject`, `time`, `datacontenttype`, the `sequence` extension and
/// `data` (the golden record with provenance).
public struct CloudEventEncoder: Sendable {
    /// The CloudEvents `source`: identifies this gateway instance (`source` + `id` is unique).
    public var source: String

    public init(source: String = "urn:lienthong:gateway") {
        self.source = source
    }

    /// One event as a single line of JSON (no trailing newline).
    public func jsonLine(_ event: FeedEvent) -> String {
        var line = "{\"specversion\":\"1.0\""
        line += ",\"id\":" + JSONText.quote(event.id)
        line += ",\"source\":" + JSONText.quote(source)
        line += ",\"type\":" + JSONText.quote(event.type.rawValue)
        line += ",\"subject\":" + JSONText.quote(event.subject)
        line += ",\"entitykind\":" + JSONText.quote(event.kind.rawValue)
        line += ",\"sequence\":" + String(event.sequence)
        line += ",\"time\":" + JSONText.quote(event.time)
        line += ",\"datacontenttype\":\"application/json\""
        line += ",\"data\":" + event.data + "}"
        return line
    }
}
