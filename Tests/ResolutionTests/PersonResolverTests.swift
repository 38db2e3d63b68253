import Foundation
import Domain
import Resolution
import Storage
import Testing

@Suite struct PersonResolverTests {
    let fixture: ResolutionFixture
    init() throws { fixture = try ResolutionFixture() }
    typealias F = ResolutionFixture

    @Test func aLandOwnerWithoutANumberJoinsThePopulationPerson() throws {
        let population = F.person("DC1", number: "026085000123")
        let land = F.person("LD1", source: "land", family: "NGUYEN", middle: "VAN", given: "AN", number: nil)
        try fixture.ingest([population])
        let summary = try fixture.ingest([land])
        #expect(!summary.batch || summary.regionSize == 2)
        #expect(try fixture.entity(of: land) == fixture.entity(of: population))
        let rule = try fixture.store.read { reader -> String? in
            let id = try #require(try reader.mention(key: land.key)?.id)
            return try reader.memberships(ofMentions: [id])[id].map { _ in "assigned" }
        }
        #expect(rule == "assigned")
    }

    @Test func twinsWithDifferentGivenNamesStayApart() throws {
        let first = F.person("DC1", given: "Minh")
        let second = F.person("DC2", given: "Quân")
        try fixture.ingest([first, second])
        #expect(try fixture.entity(of: first) != fixture.entity(of: second))
    }

    @Test func twoDifferentValidNumbersAreNeverMergedSilently() throws {
        let first = F.person("DC1", number: "026085000123")
        let second = F.person("EN1", source: "enterprise", number: "026085000999")
        let summary = try fixture.ingest([first, second])
        #expect(try fixture.entity(of: first) != fixture.entity(of: second))
        #expect(summary.identifierConflicts == 1)
        let items = try fixture.store.read { try $0.reviewItems(status: .open, limit: 10) }
        #expect(items.map(\.type) == [.identifier])
        #expect(items.first?.probability ?? 0 >= 0.95)
    }

    @Test func reviewBandPairsAreQueuedAndAStewardsMustLinkSettlesThem() throws {
        // Same name and commune, birth years one apart, sexes differ: neither clearly the same nor clearly not.
        let first = F.person("DC1", born: (1985, 3, 7), sex: .male)
        let second = F.person("LD1", source: "land", born: (1986, 3, 7), sex: .female)
        let summary = try fixture.ingest([first, second])
        #expect(summary.pairsInReview == 1)
        #expect(try fixture.entity(of: first) != fixture.entity(of: second))
        let item = try #require(try fixture.store.read { try $0.reviewItems(status: .open, limit: 10) }.first)
        #expect(item.type == .match)
        #expect(item.probability >= 0.30 && item.probability < 0.95)
        #expect(item.detail.contains("\"lines\""))
        try fixture.store.write { transaction in
            try transaction.putPairConstraint(
                PairConstraint(item.first, item.second, kind: .mustLink, actor: "test", reason: "same person", createdAt: "t2"))
        }
        let rerun = try fixture.resolveAll(at: "t3")
        #expect(try fixture.entity(of: first) == fixture.entity(of: second))
        #expect(rerun.entitiesMerged == 1)
        #expect(try fixture.store.read { try $0.reviewItems(status: .superseded, limit: 10) }.map(\.id) == [item.id])
    }

    @Test func aNeverLinkSplitsAnEntityAndEveryLaterRunHonoursIt() throws {
        let first = F.person("DC1")
        let second = F.person("LD1", source: "land")
        try fixture.ingest([first, second])
        let entity = try #require(try fixture.entity(of: first))
        #expect(try fixture.entity(of: second) == entity)
        let ids = (try fixture.id(of: first), try fixture.id(of: second))
        try fixture.store.write { transaction in
            try transaction.putPairConstraint(PairConstraint(ids.0, ids.1, kind: .neverLink, actor: "test", reason: nil, createdAt: "t2"))
        }
        let summary = try fixture.resolveAll(at: "t3")
        #expect(summary.entitiesSplit == 1)
        #expect(try fixture.entity(of: first) == entity)
        let newEntity = try #require(try fixture.entity(of: second))
        #expect(newEntity != entity)
        let lineage = try fixture.store.read { try $0.lineage(ofEntity: entity) }
        #expect(lineage.map(\.kind) == [.split])
        #expect(lineage.first?.to == newEntity)
        #expect(try fixture.feed().contains { $0.type == .entitySplit && $0.subject == entity })
        // A third record matching both joins one of them, never both.
        let third = F.person("EN1", source: "enterprise")
        try fixture.ingest([third], at: "t4")
        #expect(try fixture.entity(of: first) != fixture.entity(of: second))
        #expect(try [fixture.entity(of: first), fixture.entity(of: second)].contains(fixture.entity(of: third)))
    }

    @Test func aChangedRecordThatNoLongerMatchesIsSplitOffUnderANewID() throws {
        let first = F.person("DC1")
        let second = F.person("LD1", source: "land")
        try fixture.ingest([first, second])
        let entity = try #require(try fixture.entity(of: first))
        let changed = F.person("LD1", source: "land", family: "Trần", middle: "Thị", given: "Mai", born: (1990, 1, 2), sex: .female)
        let summary = try fixture.ingest([changed], at: "t2")
        #expect(try fixture.entity(of: first) == entity)
        #expect(try fixture.entity(of: changed) != entity)
        #expect(summary.entitiesSplit == 1)
        #expect(summary.entitiesCreated == 1)
    }

    @Test func aDeltaResolvesOnlyTheBlocksItTouches() throws {
        let givens = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Long", "Minh", "Nam"]
        let people = (0..<40).map {
            F.person("DC\($0)", given: givens[$0 % 10], born: (1950 + $0, 1 + $0 % 12, 1 + $0 % 28), commune: String(26700 + $0))
        }
        try fixture.ingest(people)
        let head = try fixture.store.read { try $0.summary() }.feedHead
        let delta = F.person("LD7", source: "land", given: givens[7], born: (1957, 8, 8), commune: "26707")
        let summary = try fixture.ingest([delta], at: "t2")
        #expect(!summary.batch)
        #expect(summary.regionSize == 2)
        #expect(try fixture.entity(of: delta) == fixture.entity(of: people[7]))
        let events = try fixture.store.read { try $0.feed(after: head, limit: 100) }
        #expect(events.map(\.type) == [.entityUpdated])
    }

    @Test func incrementalAndBatchRunsAgree() throws {
        let batchFixture = try ResolutionFixture()
        var mentions: [Mention] = []
        let families = ["Nguyễn", "Trần", "Lê"]
        for person in 0..<12 {
            let family = families[person % 3]
            let given = ["An", "Bình", "Chi", "Dũng"][person % 4]
            let born = (1960 + person, 1 + person % 12, 1 + person)
            let number = person % 2 == 0 ? String(format: "0260%02d%06d", 60 + person, person) : nil
            mentions.append(F.person("DC\(person)", family: family, given: given, born: born, number: number))
            mentions.append(F.person("LD\(person)", source: "land", family: family, given: given, born: born, commune: "26737"))
            if person % 3 == 0 { mentions.append(F.person("EN\(person)", source: "enterprise", family: family, given: given, born: born, number: number)) }
        }
        for mention in mentions { try fixture.ingest([mention]) }
        try batchFixture.ingest(mentions)
        try batchFixture.resolveAll()
        let incremental = try fixture.partition()
        #expect(incremental == (try batchFixture.partition()))
        #expect(incremental.count == 12)
    }

    @Test func theExplanationsWeightsSumToItsTotal() throws {
        let first = F.person("DC1", born: (1985, 3, 7), sex: .male)
        let second = F.person("LD1", source: "land", born: (1986, 3, 7), sex: .female)
        try fixture.ingest([first, second])
        let item = try #require(try fixture.store.read { try $0.reviewItems(status: nil, limit: 1) }.first)
        let explanation = try JSONDecoder().decode(MatchExplanation.self, from: Data(item.detail.utf8))
        let sum = explanation.priorWeight + explanation.lines.map(\.weight).reduce(0, +)
        #expect(abs(sum - explanation.totalWeight) < 1e-9)
        #expect(abs(explanation.probability - item.probability) < 1e-12)
    }
}
