import Domain
import Matching
import Resolution
import Storage
import Testing

/// The stored blocking keys follow the rules in use: a model that carries other rules gets keys for every stored
/// person before the next incremental resolution looks candidates up, and keys of rules no longer used go.
@Suite struct BlockingRuleChangeTests {
    typealias F = ResolutionFixture

    private func key(_ rule: BlockingRule, _ mention: Mention) throws -> BlockingKeyHash {
        guard case .person(let person) = mention.body, let hash = rule.keyHashes(PersonFeatures(person)).first else {
            throw ResolutionError.unknownMention("\(mention.key) has no key under \(rule.name)")
        }
        return BlockingKeyHash(rule: rule.name, hash: hash)
    }

    private func resolver(_ rules: [BlockingRule]) -> Resolver {
        var model = FellegiSunterModel.defaults
        model.blockingRules = rules
        return Resolver(model: model)
    }

    @Test func aNewStoreRecordsTheDefaultRules() throws {
        let fixture = try F()
        // Migration 10 seeds the rules earlier versions built, with their parts as `partsText` writes them (else the
        // first ingest after an upgrade would rebuild them all).
        let seeded = try fixture.store.read { try $0.indexedBlockingRules() }
        #expect(seeded == Dictionary(uniqueKeysWithValues: BlockingRule.defaults.prefix(5).map { ($0.name, $0.partsText) }))
        try fixture.ingest([F.person("a")])
        let indexed = try fixture.store.read { try $0.indexedBlockingRules() }
        #expect(indexed == Dictionary(uniqueKeysWithValues: BlockingRule.defaults.map { ($0.name, $0.partsText) }))
    }

    @Test func rulesOfAnActiveModelAreBuiltForStoredPersonsAndOldKeysGo() throws {
        var fixture = try F()
        let a = F.person("a", given: "An")
        let b = F.person("b", family: "Trần", given: "Bình")
        // Others born on other days, so that one more person is a delta (incremental), not a batch.
        let others = (1...4).map { F.person("o\($0)", family: "Phạm", given: "Ơn", born: (1960 + $0, 1, 1)) }
        try fixture.ingest([a, b] + others)
        let fullName = try #require(BlockingRule.defaults.first { $0.name == "full_name_birth_year" })
        let byName = try key(fullName, a)
        #expect(try fixture.store.read { try $0.mentionIDs(sharing: [byName]) } == [try fixture.id(of: a)])

        // Only the birth date blocks now: the new person's name shares no key of the old rules with anyone.
        let byDate = BlockingRule(name: "birth_date", parts: [.birthDate])
        fixture.resolver = resolver([byDate])
        let c = F.person("c", family: "Lê", given: "Cúc")
        let summary = try fixture.ingest([c])
        #expect(summary.batch == false)
        // c with a and with b, found through keys built for a and b; and a with b, now in c's region.
        #expect(summary.pairsCompared == 3)
        let ids = try [a, b, c].map { try fixture.id(of: $0) }
        let dateKey = try key(byDate, a)
        #expect(try fixture.store.read { try $0.mentionIDs(sharing: [dateKey]) } == Set(ids))
        #expect(try fixture.store.read { try $0.indexedBlockingRules() } == ["birth_date": "birth_date"])
        #expect(try fixture.store.read { try $0.mentionIDs(sharing: [byName]) }.isEmpty)
    }

    @Test func aRuleWhosePartsChangeIsRebuiltUnderItsName() throws {
        var fixture = try F()
        let byDate = BlockingRule(name: "date", parts: [.birthDate])
        fixture.resolver = resolver([byDate])
        let a = F.person("a")
        try fixture.ingest([a])
        let byDateAndSurname = BlockingRule(name: "date", parts: [.birthDate, .surnameClass])
        fixture.resolver = resolver([byDateAndSurname])
        try fixture.ingest([F.person("b", family: "Trần")])
        let (old, new) = (try key(byDate, a), try key(byDateAndSurname, a))
        #expect(try fixture.store.read { try $0.indexedBlockingRules() } == ["date": "birth_date,surname_class"])
        #expect(try fixture.store.read { try $0.mentionIDs(sharing: [old]) }.isEmpty)
        #expect(try fixture.store.read { try $0.mentionIDs(sharing: [new]) } == [try fixture.id(of: a)])
    }

    /// A resolver loaded before another process made another model active refuses to write with its stale model
    /// (its blocking rules would undo the new model's keys); the ingest rolls back and a new run loads the new model.
    @Test func aResolverWhoseModelIsNoLongerActiveRefusesToWrite() throws {
        var fixture = try F()
        var first = FellegiSunterModel.defaults
        first.version = "em-1"
        try fixture.store.write { try MatchModels.activate(first, in: $0, at: "t") }
        fixture.resolver = try fixture.store.read { try Resolver.loading(from: $0) }
        try fixture.ingest([F.person("a")])
        var second = first
        second.version = "em-2"
        second.blockingRules = [BlockingRule(name: "birth_date", parts: [.birthDate])]
        try fixture.store.write { try MatchModels.activate(second, in: $0, at: "t") }
        do {
            try fixture.ingest([F.person("b")])
            Issue.record("an ingest with the stale resolver went through")
        } catch ResolutionError.modelChanged(let loaded, let active) {
            #expect(loaded == "em-1" && active == "em-2")
        }
        #expect(try fixture.store.read { try $0.mention(key: F.person("b").key) } == nil)
        fixture.resolver = try fixture.store.read { try Resolver.loading(from: $0) }
        try fixture.ingest([F.person("b")])
        #expect(try fixture.store.read { try $0.indexedBlockingRules() } == ["birth_date": "birth_date"])
    }

    /// `resolve --all` re-indexes every person under the rules in use and then only records them as complete: the
    /// keys it wrote are what a later incremental resolution looks candidates up by.
    @Test func reindexingEveryoneMarksTheRulesComplete() throws {
        var fixture = try F()
        let a = F.person("a", given: "An")
        let others = (1...4).map { F.person("o\($0)", family: "Phạm", given: "Ơn", born: (1960 + $0, 1, 1)) }
        try fixture.ingest([a, F.person("b", family: "Trần", given: "Bình")] + others)
        let byDate = BlockingRule(name: "birth_date", parts: [.birthDate])
        fixture.resolver = resolver([byDate])
        try fixture.store.write { transaction in
            for id in try transaction.mentionIDs(unresolvedOnly: false) {
                if let stored = try transaction.mention(id: id) { try fixture.resolver.index(stored, in: transaction) }
            }
            try fixture.resolver.markIndexComplete(in: transaction)
        }
        #expect(try fixture.store.read { try $0.indexedBlockingRules() } == ["birth_date": "birth_date"])
        let dateKey = try key(byDate, a)
        #expect(try fixture.store.read { try $0.mentionIDs(sharing: [dateKey]) }.count == 2)  // a and b
        let summary = try fixture.ingest([F.person("c", family: "Lê", given: "Cúc")])
        #expect(summary.batch == false && summary.pairsCompared == 3)
    }
}
