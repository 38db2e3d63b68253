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
        var writer = CanonicalJSONWriter()
        try MentionContent(mention).writeCanonicalJSON(to: &writer)
        return writer.text
    }

    /// Reads stored content text (any key order and whitespace); malformed text throws `CanonicalJSONError`.
    public static func read(_ text: String) throws -> MentionContent {
        try CanonicalJSON.read(MentionContent.self, from: text)
    }

    /// Rebuilds the mention from stored content, key and location.
    public func mention(key: MentionKey, location: SourceLocation) -> Mention {
        Mention(key: key, registry: registry, body: body, findings: findings, location: location)
    }
}

extension MentionContent: CanonicalJSONWritable, CanonicalJSONReadable {
    /// Byte-identical to `JSONEncoder` with sorted keys: `body`, `findings`, `registry`.
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) throws {
        writer.beginObject()
        writer.key("body")
        try body.writeCanonicalJSON(to: &writer)
        writer.key("findings")
        try writer.array(findings)
        writer.key("registry")
        writer.string(registry)
        writer.endObject()
    }

    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.offset
        var registry: String?, body: MentionBody?, findings: [Finding]?
        try reader.object { reader, key in
            if key == "body" {
                body = try MentionBody(canonicalJSON: &reader)
            } else if key == "findings" {
                findings = try reader.array(of: Finding.self)
            } else if key == "registry" {
                registry = try reader.string()
            } else {
                try reader.skipValue()
            }
        }
        guard let registry, let body, let findings else {
            throw reader.error("mention content lacks \"\(registry == nil ? "registry" : body == nil ? "body" : "findings")\"", at: start)
        }
        self.registry = registry
        self.body = body
        self.findings = findings
    }
}
