import Domain
import Foundation
import Resolution
import Storage
import Testing

/// Mentions a full snapshot no longer contains are retired through `Resolver.resolve(changed:retired:)`: they leave
/// their entities, which are re-resolved, retired when empty, and the mention comes back when staged again.
@Suite struct TombstoneResolutionTests {
    func retire(_ mentions: [Mention], _ fixture: ResolutionFixture, at time: String = "t2") throws -> ResolutionSummary {
        let ids = try mentions.map { try fixture.id(of: $0) }
        return try fixture.store.write { try fixture.resolver.resolve(changed: [], retired: ids, in: $0, at: time) }
    }

    func versions(of mention: Mention, _ fixture: ResolutionFixture) throws -> Int {
        try fixture.store.read { try $0.mention(key: mention.key)?.version } ?? 0
    }

    @Test func retiringTheOnlyMentionRetiresTheEntity() throws {
        let fixture = try ResolutionFixture()
        let an = ResolutionFixture.person("p1", number: "001085012345")
        let binh = ResolutionFixture.person("p2", family: "Trần", given: "Bình", born: (1990, 1, 2), number: "001090054321")
        try fixture.ingest([an, binh])
        let entity = try #require(try fixture.entity(of: an))
        let summary = try retire([an], fixture)
        #expect(summary.mentionsRetired == 1 && summary.entitiesRetired == 1)
        #expect(try fixture.entity(of: an) == nil)
        #expect(try fixture.store.read { try $0.entity(id: entity) }?.status == .retired)
        #expect(try fixture.store.read { try $0.goldenRecord(entityID: entity) } == nil)
        let last = try #require(try fixture.feed().last)
        #expect(last.type == .entityRetired && last.subject == entity)
        #expect(try fixture.partition() == [["population:p2"]], "a retired mention is no longer listed")
        let summaryCounts = try fixture.store.read { try $0.summary() }
        #expect(summaryCounts.mentionsByKind["person"] == 1 && summaryCounts.mentionsRetired == 1)
        #expect(try fixture.store.read { try $0.personIndexEntries(mentionIDs: [try fixture.id(of: an)]) }.isEmpty)
        #expect(try fixture.store.read { try $0.mentionIDs(source: "population") } == [try fixture.id(of: binh)])
        // Retiring again changes nothing.
        let again = try retire([an], fixture, at: "t3")
        #expect(again.entitiesRetired == 0 && again.feedEvents == 0)
    }

    @Test func anEntityThatKeepsMembersGetsANewGoldenRecord() throws {
        let fixture = try ResolutionFixture()
        let population = ResolutionFixture.person("p1", number: "001085012345")
        let land = ResolutionFixture.person("l1", source: "land", given: "An", number: "001085012345", commune: "26737")
        try fixture.ingest([population, land])
        let entity = try #require(try fixture.entity(of: population))
        #expect(try fixture.entity(of: land) == entity)
        let before = try #require(try fixture.store.read { try $0.goldenRecord(entityID: entity) })
        #expect(before.mentions.count == 2)
        let summary = try retire([land], fixture)
        #expect(summary.entitiesRetired == 0 && summary.entitiesSplit == 0)
        #expect(try fixture.entity(of: population) == entity, "the entity keeps its ID")
        let after = try #require(try fixture.store.read { try $0.goldenRecord(entityID: entity) })
        #expect(after.mentions == [population.key])
        let last = try #require(try fixture.feed().last)
        #expect(last.type == .entityUpdated && last.subject == entity)
    }

    /// A fixture that never switches to batch mode: the incremental path (regions closed over entities and steward
    /// constraints) is the one a large store takes.
    func incrementalFixture() throws -> ResolutionFixture {
        var fixture = try ResolutionFixture()
        fixture.resolver = Resolver(settings: ResolverSettings(batchShare: 1_000))
        return fixture
    }

    @Test func removingTheMentionThatHeldAnEntityTogetherSplitsIt() throws {
        let fixture = try incrementalFixture()
        let a = ResolutionFixture.person("a", given: "An", born: (1980, 1, 1), commune: "26734")
        let b = ResolutionFixture.person("b", family: "Lê", given: "Bình", born: (1970, 5, 6), sex: .female, commune: "00004")
        let c = ResolutionFixture.person("c", family: "Phạm", given: "Cường", born: (1960, 9, 9), commune: "00007")
        try fixture.ingest([a, b, c])
        // A steward said a = b and b = c: one entity although a and c have nothing in common.
        try fixture.store.write { transaction in
            let (ia, ib, ic) = (try fixture.id(of: a), try fixture.id(of: b), try fixture.id(of: c))
            try transaction.putPairConstraint(PairConstraint(ia, ib, kind: .mustLink, actor: "steward", reason: nil, createdAt: "t"))
            try transaction.putPairConstraint(PairConstraint(ib, ic, kind: .mustLink, actor: "steward", reason: nil, createdAt: "t"))
            _ = try fixture.resolver.resolve(changed: [ia, ib, ic], in: transaction, at: "t1")
        }
        let joined = try #require(try fixture.entity(of: a))
        #expect(try fixture.entity(of: c) == joined)
        let summary = try retire([b], fixture)
        #expect(summary.entitiesSplit == 1)
        let (ea, ec) = (try #require(try fixture.entity(of: a)), try #require(try fixture.entity(of: c)))
        #expect(ea != ec && [ea, ec].contains(joined), "one part keeps the ID, the other is split off")
        #expect(try fixture.feed().contains { $0.type == .entitySplit && $0.subject == joined })
        #expect(!summary.batch)
    }

    @Test func aStewardConstraintNeverBringsARetiredMentionBack() throws {
        let fixture = try incrementalFixture()
        let a = ResolutionFixture.person("a", given: "An", born: (1980, 1, 1))
        let b = ResolutionFixture.person("b", source: "land", family: "Lê", given: "Bình", born: (1970, 5, 6), commune: "00004")
        try fixture.ingest([a, b])
        let (ia, ib) = (try fixture.id(of: a), try fixture.id(of: b))
        try fixture.store.write { transaction in
            try transaction.putPairConstraint(PairConstraint(ia, ib, kind: .mustLink, actor: "steward", reason: nil, createdAt: "t"))
            _ = try fixture.resolver.resolve(changed: [ia, ib], in: transaction, at: "t1")
        }
        let entity = try #require(try fixture.entity(of: a))
        #expect(try fixture.entity(of: b) == entity)
        _ = try retire([b], fixture)
        // a changes later: its region follows the must-link to b, which must stay out.
        let renamed = ResolutionFixture.person("a", given: "An", born: (1980, 1, 2))
        let summary = try fixture.ingest([renamed], at: "t3")
        #expect(!summary.batch)
        #expect(try fixture.entity(of: b) == nil)
        #expect(try fixture.store.read { try $0.personIndexEntries(mentionIDs: [ib]) }.isEmpty)
        #expect(try fixture.store.read { try $0.goldenRecord(entityID: entity) }?.mentions == [a.key])
        #expect(try fixture.partition() == [["population:a"]])
    }

    @Test func aStewardCannotDecideAnItemOfARetiredMention() throws {
        let fixture = try incrementalFixture()
        let a = ResolutionFixture.person("a")
        let b = ResolutionFixture.person("b", family: "Trần")
        try fixture.ingest([a, b])
        let item = try #require(
            try fixture.store.write { transaction in
                try transaction.raiseReviewItem(
                    type: .match, first: try fixture.id(of: a), second: try fixture.id(of: b), probability: 0.5, detail: "{}", at: "t")
            })
        _ = try retire([b], fixture)
        let steward = StewardActions(resolver: fixture.resolver, actor: "steward")
        #expect(throws: StewardError.retiredMention(try fixture.id(of: b))) {
            try fixture.store.write { try steward.decide(item: item, link: true, reason: nil, in: $0, at: "t3") }
        }
        #expect(try fixture.entity(of: b) == nil)
    }

    @Test func openReviewItemsOfARetiredMentionAreSuperseded() throws {
        let fixture = try ResolutionFixture()
        let a = ResolutionFixture.person("a")
        let b = ResolutionFixture.person("b", family: "Trần")
        try fixture.ingest([a, b])
        let item = try fixture.store.write { transaction in
            try transaction.raiseReviewItem(
                type: .match, first: try fixture.id(of: a), second: try fixture.id(of: b), probability: 0.5, detail: "{}", at: "t")
        }
        let id = try #require(item)
        let summary = try retire([b], fixture)
        #expect(summary.reviewItemsSuperseded >= 1)
        #expect(try fixture.store.read { try $0.openReviewItems(touching: nil) }.allSatisfy { $0.id != id })
    }

    @Test func aRetiredMentionStagedAgainComesBackAsANewVersion() throws {
        let fixture = try ResolutionFixture()
        let an = ResolutionFixture.person("p1", number: "001085012345")
        try fixture.ingest([an])
        _ = try retire([an], fixture)
        #expect(try versions(of: an, fixture) == 2, "the tombstone is a version")
        let summary = try fixture.ingest([an], at: "t3")
        #expect(summary.entitiesCreated == 1, "an unchanged body is still staged: the mention was retired")
        #expect(try versions(of: an, fixture) == 3)
        #expect(try fixture.entity(of: an) != nil)
        #expect(try fixture.store.read { try $0.summary() }.mentionsRetired == 0)
        #expect(try fixture.partition() == [["population:p1"]])
    }
}
