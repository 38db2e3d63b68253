import Domain
import Hashing
import Storage

/// The access log of personal reads, hash-chained: each entry's hash covers the previous entry's hash and its own
/// content, so removing or editing an entry breaks every hash after it (`lienthong audit verify`).
public enum AccessAudit {
    /// The hash of an entry given the hash before it.
    public static func hash(_ entry: AccessLogEntry, previous: String) -> String {
        let content = [
            previous, entry.time, entry.keyID, entry.entityID, entry.fields.joined(separator: ","), entry.purpose, entry.route,
        ].map(JSONText.quote).joined(separator: ",")
        return Digest.sha256Hex("[" + content + "]")
    }

    /// Appends `entries` in one transaction, chained to the current head. Called before the response is sent.
    /// Each entry takes the sequence after the head it chains to: an append racing another one (an instance of an
    /// older version, which serialised appends differently) fails on the sequence instead of forking the chain.
    public static func append(_ entries: [AccessLogEntry], in transaction: any AccessLogAppender) throws {
        let head = try transaction.lastAccessLogEntry()
        var previous = head?.hash ?? ""
        var sequence = head?.sequence ?? 0
        for var entry in entries {
            sequence += 1
            entry.sequence = sequence
            entry.previousHash = previous
            entry.hash = hash(entry, previous: previous)
            _ = try transaction.appendAccessLog(entry)
            previous = entry.hash
        }
    }

    /// What verification found: entries checked, and the first broken one if any.
    public struct Verification: Codable, Sendable, Equatable {
        public var entries: Int
        public var firstBrokenSequence: Int64?
        public var problem: String?
        public var intact: Bool { firstBrokenSequence == nil }
    }

    public static func verify(in reader: any StoreReader) throws -> Verification {
        var previous = ""
        var count = 0
        var expectedSequence: Int64?
        var broken: (Int64, String)?
        try reader.forEachAccessLogEntry { entry in
            guard broken == nil else { return }
            count += 1
            if let expected = expectedSequence, entry.sequence != expected {
                broken = (entry.sequence, "entries \(expected)…\(entry.sequence - 1) are missing")
            } else if entry.previousHash != previous {
                broken = (entry.sequence, "does not chain to the entry before it")
            } else if hash(entry, previous: previous) != entry.hash {
                broken = (entry.sequence, "its content does not match its hash (edited)")
            }
            previous = entry.hash
            expectedSequence = entry.sequence + 1
        }
        return Verification(entries: count, firstBrokenSequence: broken?.0, problem: broken?.1)
    }
}
