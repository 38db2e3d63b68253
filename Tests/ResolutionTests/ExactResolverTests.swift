import Domain
import Foundation
import Resolution
import Storage
import StorageSQLite
import Testing

@Suite struct ExactResolverTests {
    let store: SQLiteStore

    init() throws {
        let directory = NSTemporaryDirectory() + "lienthong-resolve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory + "/store.db")
    }

    static func person(_ key: String, source: String, registry: String, name: String, number: String?) -> Mention {
        var record = PersonRecord()
        record.name = PersonName(asGiven: name, full: name, family: nil, middle: nil, given: nil, folded: TextFolding.fold(name))
        if let number { record.identifiers = [Identifier(type: .personalNumber, value: number)] }
        return Mention(
            key: MentionKey(source: source, kind: .person, recordKey: key), registry: registry, body: .person(record),
            location: SourceLocation(file: source, line: 1))
    }

    @discardableResult
    func ingest(_ mentions: [Mention]) throws -> ResolutionSummary {
        try store.write { transaction in
            var changed: [Int64] = []
            for mention in mentions {
                let (stored, outcome) = try transaction.stage(mention, contentHash: "\(mention.body.hashValue)", at: "t")
                if outcome != .unchanged { changed.append(stored.id) }
            }
            return try ExactResolver().resolve(mentionIDs: changed, in: transaction, at: "t")
        }
    }

    func entity(of mention: Mention) throws -> String? {
        try store.read { reader in try reader.mention(key: mention.key).flatMap { try reader.entityID(ofMention: $0.id) } }
    }

    @Test func samePersonalNumberJoinsOneEntityAndThePopulationNameSurvives() throws {
        let land = Self.person("LD1", source: "land", registry: "land", name: "NGUYEN VAN AN", number: "001087012345")
        let population = Self.person("DC1", source: "population", registry: "population", name: "Nguyễn Văn An", number: "001087012345")
        let other = Self.person("DC2", source: "population", registry: "population", name: "Trần Thị Bình", number: nil)
        let first = try ingest([land])
        let second = try ingest([population, other])
        #expect(first.entitiesCreated == 1)
        #expect(second.entitiesCreated == 1)
        let entity = try #require(try entity(of: land))
        #expect(try self.entity(of: population) == entity)
        #expect(try self.entity(of: other) != entity)
        let golden = try #require(try store.read { try $0.goldenRecord(entityID: entity) })
        guard case .person(let person) = golden.body else { Issue.record("not a person"); return }
        #expect(person.name?.value.full == "Nguyễn Văn An")
        #expect(person.name?.from == population.key)
        #expect(golden.mentions.count == 2)
        let events = try store.read { try $0.feed(after: 0, limit: 100) }
        #expect(events.map(\.type) == [.entityCreated, .entityUpdated, .entityCreated])
        #expect(events[1].subject == entity)
    }

    @Test func resolvingUnchangedMentionsAppendsNoEvents() throws {
        let mention = Self.person("DC1", source: "population", registry: "population", name: "Lê Văn Cường", number: "079090000001")
        try ingest([mention])
        let before = try store.read { try $0.summary() }.feedHead
        let summary = try store.write { transaction in
            try ExactResolver().resolve(mentionIDs: try transaction.mentionIDs(unresolvedOnly: false), in: transaction, at: "t2")
        }
        #expect(summary.feedEvents == 0)
        #expect(try store.read { try $0.summary() }.feedHead == before)
    }

    @Test func aChangedNumberMovesTheMentionAndRetiresTheEmptiedEntity() throws {
        let a = Self.person("DC1", source: "population", registry: "population", name: "Phạm Văn Dũng", number: "001080000001")
        let b = Self.person("LD1", source: "land", registry: "land", name: "Phạm Văn Dũng", number: "001080000002")
        try ingest([a, b])
        let oldEntity = try #require(try entity(of: b))
        let corrected = Self.person("LD1", source: "land", registry: "land", name: "Phạm Văn Dũng", number: "001080000001")
        let summary = try ingest([corrected])
        #expect(try entity(of: corrected) == entity(of: a))
        #expect(summary.entitiesRetired == 1)
        #expect(try store.read { try $0.entity(id: oldEntity) }?.status == .retired)
        #expect(try store.read { try $0.feed(after: 0, limit: 100) }.last?.type == .entityUpdated)
    }

    @Test func entityIDsAreStableAndPrefixedByKind() throws {
        let mention = Self.person("DC9", source: "population", registry: "population", name: "Đỗ Thị Hoa", number: nil)
        try ingest([mention])
        let id = try #require(try entity(of: mention))
        #expect(id.hasPrefix("P-"))
        #expect(id.count == 18)
    }
}

@Suite struct ClusterQualityTests {
    @Test func pairwiseScores() {
        // truth: {a,b,c} one person, {d} another; predicted: {a,b}, {c,d}
        let truth = ["a": "1", "b": "1", "c": "1", "d": "2"]
        let predicted = ["a": "X", "b": "X", "c": "Y", "d": "Y"]
        let quality = ClusterQuality(predicted: predicted, truth: truth)
        #expect(quality.truePairs == 3)
        #expect(quality.predictedPairs == 2)
        #expect(quality.correctPairs == 1)
        #expect(abs(quality.precision - 0.5) < 1e-9)
        #expect(abs(quality.recall - 1.0 / 3.0) < 1e-9)
        #expect(abs(quality.f1 - 0.4) < 1e-9)
    }
}
