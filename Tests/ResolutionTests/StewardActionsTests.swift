import Domain
import Resolution
import Storage
import Testing

@Suite struct StewardActionsTests {
    let fixture: ResolutionFixture
    let steward: StewardActions
    typealias F = ResolutionFixture

    init() throws {
        fixture = try ResolutionFixture()
        steward = StewardActions(resolver: fixture.resolver, actor: "lan")
    }

    func openItems() throws -> [ReviewItem] { try fixture.store.read { try $0.reviewItems(status: .open, limit: 100) } }

    @Test func aLinkDecisionMergesAndHoldsAcrossBatchRuns() throws {
        let a = F.person("DC1", born: (1985, 3, 7), sex: .male)
        let b = F.person("LD1", source: "land", born: (1986, 3, 7), sex: .female)
        try fixture.ingest([a, b])
        let item = try #require(try openItems().first)
        let decision = try fixture.store.write { try steward.decide(item: item.id, link: true, reason: "same person", in: $0, at: "t2") }
        #expect(decision.action == .link && decision.actor == "lan" && decision.reason == "same person")
        #expect(decision.entitiesBefore[0] != decision.entitiesBefore[1].replacingOccurrences(of: "\(item.second)=", with: "\(item.first)="))
        let entity = try #require(try fixture.entity(of: a))
        #expect(try fixture.entity(of: b) == entity)
        #expect(decision.entitiesAfter == ["\(item.first)=\(entity)", "\(item.second)=\(entity)"])
        try fixture.resolveAll(at: "t3")
        #expect(try fixture.entity(of: b) == fixture.entity(of: a))
        #expect(throws: StewardError.alreadyDecided(item.id)) {
            try fixture.store.write { try steward.decide(item: item.id, link: false, reason: nil, in: $0, at: "t4") }
        }
        #expect(try fixture.store.read { try $0.decisions(limit: 10) }.map(\.action) == [.link])
    }

    @Test func aNoLinkDecisionKeepsThePairApartForever() throws {
        let a = F.person("DC1", born: (1985, 3, 7), sex: .male)
        let b = F.person("LD1", source: "land", born: (1986, 3, 7), sex: .female)
        try fixture.ingest([a, b])
        let item = try #require(try openItems().first)
        try fixture.store.write { _ = try steward.decide(item: item.id, link: false, reason: nil, in: $0, at: "t2") }
        try fixture.resolveAll(at: "t3")
        #expect(try fixture.entity(of: a) != fixture.entity(of: b))
        #expect(try openItems().isEmpty)
        #expect(throws: StewardError.unknownReviewItem(999)) {
            try fixture.store.write { try steward.decide(item: 999, link: true, reason: nil, in: $0, at: "t4") }
        }
    }

    @Test func mergeRedirectsAndRefusesTwoDifferentNumbersWithoutForce() throws {
        let a = F.person("DC1", given: "Minh", number: "026085000123")
        let b = F.person("DC2", given: "Quân", number: "026085000999")
        let c = F.person("DC3", family: "Trần", given: "Mai", born: (1990, 1, 1))
        try fixture.ingest([a, b, c])
        let (ea, eb, ec) = (try #require(try fixture.entity(of: a)), try #require(try fixture.entity(of: b)), try #require(try fixture.entity(of: c)))
        #expect(throws: StewardError.differentPersonalNumbers(ea, eb, ["026085000123", "026085000999"])) {
            try fixture.store.write { try steward.merge(ea, eb, force: false, reason: nil, in: $0, at: "t2") }
        }
        #expect(try fixture.store.read { try $0.decisions(limit: 10) }.isEmpty)
        try fixture.store.write { _ = try steward.merge(ea, ec, force: false, reason: "one person", in: $0, at: "t2") }
        let survivor = try #require(try fixture.entity(of: a))
        #expect(try fixture.entity(of: c) == survivor)
        let retired = survivor == ea ? ec : ea
        #expect(try fixture.store.read { try $0.entity(id: retired) }?.redirectTo == survivor)
        #expect(throws: StewardError.retiredEntity(retired, redirectTo: survivor)) {
            try fixture.store.write { try steward.merge(retired, eb, force: true, reason: nil, in: $0, at: "t3") }
        }
    }

    @Test func splitMintsANewEntityAndUnlinkTakesOneOut() throws {
        let a = F.person("DC1"), b = F.person("LD1", source: "land"), c = F.person("EN1", source: "enterprise")
        try fixture.ingest([a, b, c])
        let entity = try #require(try fixture.entity(of: a))
        #expect(try fixture.entity(of: c) == entity)
        let moving = try fixture.id(of: c)
        try fixture.store.write { _ = try steward.split(entity, moving: [moving], reason: "different person", in: $0, at: "t2") }
        let newEntity = try #require(try fixture.entity(of: c))
        #expect(newEntity != entity)
        #expect(try fixture.entity(of: a) == entity)
        #expect(try fixture.feed().contains { $0.type == .entitySplit && $0.subject == entity })
        try fixture.resolveAll(at: "t3")
        #expect(try fixture.entity(of: c) == newEntity)
        #expect(throws: StewardError.splitWouldEmpty(newEntity)) {
            try fixture.store.write { try steward.unlink(newEntity, mention: moving, reason: nil, in: $0, at: "t4") }
        }
        let unlinked = try fixture.id(of: b)
        try fixture.store.write { _ = try steward.unlink(entity, mention: unlinked, reason: nil, in: $0, at: "t5") }
        #expect(try Set([fixture.entity(of: a), fixture.entity(of: b), fixture.entity(of: c)]).count == 3)
    }

    @Test func aChosenValueWinsSurvivorshipUntilCleared() throws {
        let a = F.person("DC1", source: "population", born: (1985, 3, 7))
        let b = F.person("LD1", source: "land", born: (1985, 3, 7), number: nil)
        var bRecordPhone = b
        if case .person(var record) = b.body { record.phone = "+84912345678"; bRecordPhone.body = .person(record) }
        try fixture.ingest([a, bRecordPhone])
        let entity = try #require(try fixture.entity(of: a))
        let landID = try fixture.id(of: b)
        try fixture.store.write { _ = try steward.choose(mention: landID, field: "name", item: nil, reason: nil, in: $0, at: "t2") }
        var golden = try #require(try fixture.store.read { try $0.goldenRecord(entityID: entity) })
        guard case .person(let chosen) = golden.body else { Issue.record("not a person"); return }
        #expect(chosen.name?.from == b.key)
        #expect(throws: StewardError.unknownField("colour")) {
            try fixture.store.write { try steward.choose(mention: landID, field: "colour", item: nil, reason: nil, in: $0, at: "t3") }
        }
        try fixture.store.write { _ = try steward.clearChoice(mention: landID, label: "land:LD1", field: "name", reason: nil, in: $0, at: "t4") }
        golden = try #require(try fixture.store.read { try $0.goldenRecord(entityID: entity) })
        guard case .person(let cleared) = golden.body else { Issue.record("not a person"); return }
        #expect(cleared.name?.from == a.key)
    }
}
