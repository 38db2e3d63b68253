import Domain
import Storage
import StorageSQLite
import Testing

/// The resolver's state through the store contract: person index and blocking keys, constraints, the review queue,
/// lineage and models.
@Suite struct MatchIndexStoreTests {
    func stage(_ keys: [String], in store: any Store) throws -> [Int64] {
        try store.write { transaction in
            try keys.map { try transaction.stage(Fixture.person($0), contentHash: $0, at: "t").0.id }
        }
    }

    static func entry(_ id: Int64, given: String = "an", number: String? = nil) -> PersonIndexEntry {
        PersonIndexEntry(
            mentionID: id, fullName: "Nguyễn Văn An", foldedFullName: "nguyen van \(given)", foldedFamily: "nguyen",
            foldedMiddle: "van", foldedGiven: given, birthDate: "1985-03", sex: "male", personalNumber: number,
            legacyNumbers: ["012345678", "023456789"], documentNumbers: ["passport:B1234567", "social_insurance:0123456789"],
            streets: ["12|leloi", "|tranphu"], postalCodes: ["10000"], communeCodes: ["26734"], provinceCodes: ["26"])
    }

    @Test(arguments: Engine.available) func blockingRulesAreMarkedDroppedAndRebuilt(engine: Engine) throws {
        let store = try engine.makeStore()
        let ids = try stage(["A", "B"], in: store)
        // A store starts with the five rules every earlier version built keys for.
        #expect(try store.read { try $0.indexedBlockingRules() }.keys.sorted() == [
            "full_name_birth_year", "given_name_birth_year_province", "legacy_id9", "personal_number", "surname_class_given_name_commune",
        ])
        try store.write { transaction in
            try transaction.indexPerson(Self.entry(ids[0]), keys: [.init(rule: "r", hash: 1)])
            try transaction.addBlockingKeys(rule: "s", [(ids[0], 5), (ids[1], 5), (ids[1], 5)])
            try transaction.markBlockingRuleIndexed("s", parts: "birth_date")
            try transaction.markBlockingRuleIndexed("s", parts: "birth_date,sex")
        }
        let s5 = BlockingKeyHash(rule: "s", hash: 5)
        #expect(try store.read { try $0.mentionIDs(sharing: [s5]) } == Set(ids))
        #expect(try store.read { try $0.indexedBlockingRules() }["s"] == "birth_date,sex")
        try store.write { try $0.dropBlockingRule("s") }
        #expect(try store.read { try $0.mentionIDs(sharing: [s5]) }.isEmpty)
        #expect(try store.read { try $0.mentionIDs(sharing: [BlockingKeyHash(rule: "r", hash: 1)]) } == [ids[0]])
        #expect(try store.read { try $0.indexedBlockingRules() }["s"] == nil)
    }

    @Test(arguments: Engine.available) func indexEntriesRoundTripAndReplaceTheirKeys(engine: Engine) throws {
        let store = try engine.makeStore()
        let ids = try stage(["A", "B", "C"], in: store)
        try store.write { transaction in
            try transaction.indexPerson(Self.entry(ids[0], number: "026085000123"), keys: [.init(rule: "r", hash: 7), .init(rule: "s", hash: -3)])
            try transaction.indexPerson(Self.entry(ids[1]), keys: [.init(rule: "r", hash: 7)])
            try transaction.indexPerson(Self.entry(ids[2]), keys: [.init(rule: "r", hash: 8)])
        }
        try store.read { reader in
            #expect(try reader.personIndexEntries(mentionIDs: [ids[0]]) == [Self.entry(ids[0], number: "026085000123")])
            #expect(try reader.personIndexCount() == 3)
            #expect(try reader.mentionIDs(sharing: [.init(rule: "r", hash: 7)]) == [ids[0], ids[1]])
            #expect(try reader.mentionIDs(sharing: [.init(rule: "s", hash: 7)]).isEmpty)
            var all: [Int64] = []
            try reader.forEachPersonIndexEntry { all.append($0.mentionID) }
            #expect(all == ids)
        }
        // Re-indexing replaces the keys: the old key no longer finds the mention.
        try store.write { try $0.indexPerson(Self.entry(ids[1], given: "binh"), keys: [.init(rule: "r", hash: 9)]) }
        #expect(try store.read { try $0.mentionIDs(sharing: [.init(rule: "r", hash: 7)]) } == [ids[0]])
        #expect(try store.read { try $0.personIndexEntries(mentionIDs: [ids[1]]) }.first?.foldedGiven == "binh")
    }

    @Test(arguments: Engine.available) func aDecidedPairIsNotReopenedAndAnOpenOneIsRefreshed(engine: Engine) throws {
        let store = try engine.makeStore()
        let ids = try stage(["A", "B"], in: store)
        let first = try store.write { try $0.raiseReviewItem(type: .match, first: ids[1], second: ids[0], probability: 0.6, detail: "{}", at: "t1") }
        let again = try store.write { try $0.raiseReviewItem(type: .match, first: ids[0], second: ids[1], probability: 0.7, detail: "{}", at: "t2") }
        #expect(first != nil && first == again)
        let open = try store.read { try $0.openReviewItems(touching: [ids[1]]) }
        #expect(open.count == 1)
        #expect(open.first?.probability == 0.7 && open.first?.first == ids[0] && open.first?.createdAt == "t1")
        try store.write { try $0.setReviewStatus(id: first!, status: .decided, at: "t3") }
        #expect(try store.write { try $0.raiseReviewItem(type: .match, first: ids[0], second: ids[1], probability: 0.7, detail: "{}", at: "t4") } == nil)
        #expect(try store.read { try $0.openReviewItems(touching: nil) }.isEmpty)
    }

    @Test(arguments: Engine.available) func constraintsLineageAndModels(engine: Engine) throws {
        let store = try engine.makeStore()
        let ids = try stage(["A", "B", "C"], in: store)
        try store.write { transaction in
            try transaction.putPairConstraint(PairConstraint(ids[2], ids[0], kind: .neverLink, actor: "lan", reason: "twins", createdAt: "t"))
            try transaction.putPairConstraint(PairConstraint(ids[0], ids[2], kind: .mustLink, actor: "minh", reason: nil, createdAt: "t2"))
            try transaction.createEntity(id: "P-1", kind: .person, at: "t")
            try transaction.createEntity(id: "P-2", kind: .person, at: "t")
            try transaction.recordLineage(LineageRecord(kind: .merge, from: "P-2", to: "P-1", mentions: [ids[1]], time: "t3"))
            try transaction.saveModel(version: "v1", json: "{}", activate: true, at: "t1")
            try transaction.saveModel(version: "v2", json: "{\"a\":1}", activate: true, at: "t2")
        }
        try store.read { reader in
            let constraints = try reader.pairConstraints(touching: [ids[2]])
            #expect(constraints.count == 1)
            #expect(constraints.first?.kind == .mustLink && constraints.first?.first == ids[0] && constraints.first?.actor == "minh")
            #expect(try reader.pairConstraints(touching: [ids[1]]).isEmpty)
            #expect(try reader.lineage(ofEntity: "P-1") == [LineageRecord(kind: .merge, from: "P-2", to: "P-1", mentions: [ids[1]], time: "t3")])
            #expect(try reader.activeModel()?.version == "v2")
            #expect(try reader.models().map(\.version) == ["v2", "v1"])
        }
    }

    @Test(arguments: Engine.available) func retiringIntoASurvivorRepointsEarlierRedirects(engine: Engine) throws {
        let store = try engine.makeStore()
        try store.write { transaction in
            for id in ["P-1", "P-2", "P-3"] { try transaction.createEntity(id: id, kind: .person, at: "t") }
            try transaction.retireEntity(id: "P-1", redirectTo: "P-2", at: "t1")
            try transaction.retireEntity(id: "P-2", redirectTo: "P-3", at: "t2")
        }
        #expect(try store.read { try $0.entity(id: "P-1") }?.redirectTo == "P-3")
    }
}
