import Domain
import Foundation
import Resolution
import Storage
import StorageSQLite

/// A fresh SQLite store and helpers to stage person mentions and resolve them as the ingest pipeline does
/// (index at staging, then resolve the changed ids in the same transaction).
struct ResolutionFixture {
    let store: SQLiteStore
    var resolver = Resolver()

    init() throws {
        let directory = NSTemporaryDirectory() + "lienthong-resolve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory + "/store.db")
    }

    static func person(
        _ key: String, source: String = "population", registry: String? = nil, family: String = "Nguyễn", middle: String? = "Văn",
        given: String = "An", born: (Int, Int?, Int?)? = (1985, 3, 7), sex: Sex? = .male, number: String? = nil,
        commune: String? = "26734"
    ) -> Mention {
        var record = PersonRecord()
        let full = [family, middle, given].compactMap { $0 }.joined(separator: " ")
        record.name = PersonName(
            asGiven: full, full: full, family: family, middle: middle, given: given, folded: TextFolding.fold(full))
        record.birthDate = born.flatMap { PartialDate(year: $0.0, month: $0.1, day: $0.2) }
        record.sex = sex
        if let number { record.identifiers = [Identifier(type: .personalNumber, value: number)] }
        if let commune { record.addresses = [Address(currentCommuneCodes: [commune], currentProvinceCode: String(commune.prefix(2)))] }
        return Mention(
            key: MentionKey(source: source, kind: .person, recordKey: key), registry: registry ?? source, body: .person(record),
            location: SourceLocation(file: source, line: 1))
    }

    /// Stages the mentions and resolves those that changed, as one ingest would.
    @discardableResult
    func ingest(_ mentions: [Mention], at time: String = "t") throws -> ResolutionSummary {
        try store.write { transaction in
            try resolver.prepareIndex(in: transaction)  // as the ingest pipeline does, before indexing
            var changed: [Int64] = []
            for mention in mentions {
                let (stored, outcome) = try transaction.stage(mention, contentHash: "\(mention.body.hashValue)", at: time)
                if outcome != .unchanged {
                    changed.append(stored.id)
                    try resolver.index(stored, in: transaction)
                }
            }
            return try resolver.resolve(changed: changed, in: transaction, at: time)
        }
    }

    /// Re-clusters every person at once.
    @discardableResult
    func resolveAll(at time: String = "t") throws -> ResolutionSummary {
        try store.write { transaction in
            try resolver.resolve(changed: try transaction.mentionIDs(unresolvedOnly: false), batch: true, in: transaction, at: time)
        }
    }

    func entity(of mention: Mention) throws -> String? {
        try store.read { reader in try reader.mention(key: mention.key).flatMap { try reader.entityID(ofMention: $0.id) } }
    }

    func id(of mention: Mention) throws -> Int64 {
        guard let id = try store.read({ try $0.mention(key: mention.key)?.id }) else { throw ResolutionError.unknownMention("\(mention.key)") }
        return id
    }

    func feed() throws -> [FeedEvent] { try store.read { try $0.feed(after: 0, limit: 10_000) } }

    /// Mention keys grouped by entity, as a set of sets (independent of entity IDs).
    func partition() throws -> Set<Set<String>> {
        var groups: [String: Set<String>] = [:]
        try store.read { reader in
            try reader.clusterAssignments(kind: .person) { groups[$0.entityID, default: []].insert("\($0.source):\($0.recordKey)") }
        }
        return Set(groups.values)
    }
}
