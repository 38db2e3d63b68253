import Domain
import Resolution
import Storage
import Testing

/// Strong keys: a shared valid 12-digit number always joins, whatever the names say; parcels and enterprises join
/// on their keys.
@Suite struct StrongKeyResolutionTests {
    let fixture: ResolutionFixture
    init() throws { fixture = try ResolutionFixture() }

    static func person(_ key: String, source: String, name: (String, String?, String), number: String?, born: (Int, Int?, Int?)? = nil) -> Mention {
        ResolutionFixture.person(key, source: source, family: name.0, middle: name.1, given: name.2, born: born, sex: nil, number: number, commune: nil)
    }

    @Test func samePersonalNumberJoinsOneEntityAndThePopulationNameSurvives() throws {
        let land = Self.person("LD1", source: "land", name: ("NGUYEN", "VAN", "AN"), number: "001087012345")
        let population = Self.person("DC1", source: "population", name: ("Nguyễn", "Văn", "An"), number: "001087012345")
        let other = Self.person("DC2", source: "population", name: ("Trần", "Thị", "Bình"), number: nil)
        let first = try fixture.ingest([land])
        let second = try fixture.ingest([population, other])
        #expect(first.entitiesCreated == 1)
        #expect(second.entitiesCreated == 1)
        let entity = try #require(try fixture.entity(of: land))
        #expect(try fixture.entity(of: population) == entity)
        #expect(try fixture.entity(of: other) != entity)
        let golden = try #require(try fixture.store.read { try $0.goldenRecord(entityID: entity) })
        guard case .person(let person) = golden.body else { Issue.record("not a person"); return }
        #expect(person.name?.value.full == "Nguyễn Văn An")
        #expect(person.name?.from == population.key)
        #expect(golden.mentions.count == 2)
        let events = try fixture.feed()
        #expect(events.map(\.type).sorted { $0.rawValue < $1.rawValue } == [.entityCreated, .entityCreated, .entityUpdated])
        #expect(events.first { $0.type == .entityUpdated }?.subject == entity)
    }

    @Test func resolvingUnchangedMentionsAppendsNoEvents() throws {
        let mention = Self.person("DC1", source: "population", name: ("Lê", "Văn", "Cường"), number: "079090000001")
        try fixture.ingest([mention])
        let before = try fixture.store.read { try $0.summary() }.feedHead
        let summary = try fixture.resolveAll(at: "t2")
        #expect(summary.feedEvents == 0)
        #expect(summary.batch)
        #expect(try fixture.store.read { try $0.summary() }.feedHead == before)
    }

    @Test func aCorrectedNumberMergesTheTwoEntitiesAndTheRetiredOneRedirects() throws {
        let a = Self.person("DC1", source: "population", name: ("Phạm", "Văn", "Dũng"), number: "001080000001")
        let b = Self.person("LD1", source: "land", name: ("Phạm", "Văn", "Dũng"), number: "001080000002")
        try fixture.ingest([a, b])
        let entityA = try #require(try fixture.entity(of: a))
        let entityB = try #require(try fixture.entity(of: b))
        #expect(entityA != entityB)
        let corrected = Self.person("LD1", source: "land", name: ("Phạm", "Văn", "Dũng"), number: "001080000001")
        let summary = try fixture.ingest([corrected])
        let survivor = try #require(try fixture.entity(of: corrected))
        #expect(try fixture.entity(of: a) == survivor)
        #expect(summary.entitiesMerged == 1)
        let retired = survivor == entityA ? entityB : entityA
        let row = try fixture.store.read { try $0.entity(id: retired) }
        #expect(row?.status == .retired)
        #expect(row?.redirectTo == survivor)
        #expect(try fixture.feed().contains { $0.type == .entityMerged && $0.subject == retired && $0.data.contains(survivor) })
        #expect(try fixture.store.read { try $0.lineage(ofEntity: retired) }.map(\.kind) == [.merge])
    }

    @Test func entityIDsAreStableAndPrefixedByKind() throws {
        let mention = Self.person("DC9", source: "population", name: ("Đỗ", "Thị", "Hoa"), number: nil)
        try fixture.ingest([mention])
        let id = try #require(try fixture.entity(of: mention))
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
