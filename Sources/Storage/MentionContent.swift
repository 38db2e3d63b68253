import Domain
import Foundation

/// The part of a mention that decides whether a re-delivered record changed: registry, canonical body and
/// findings — not the key (that names the row) and not the location (a record that moved within its file is
/// the same record). Stored as canonical JSON text (sorted keys); its SHA-256 is the content hash.
public struct MentionContent: Codable, Sendable {
    public var registry: String
    public var body: MentionBody
    public var findings: [Finding]

    public init(_ mention: Mention) {
        registry = mention.registry
        body = mention.body
        findings = mention.findings
    }

    /// Canonical JSON text of a mention's content.
    public static func json(_ mention: Mention) throws -> String {
        return try CanonicalJSON.string(MentionContent(mention))
    }

    /// Rebuilds the mention from stored content, key and location.
    public func mention(key: MentionKey, location: SourceLocation) -> Mention {
        Mention(key: key, registry: registry, body: body, findings: findings, location: location)
    }
}
