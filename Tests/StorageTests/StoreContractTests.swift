import Domain
import Foundation
import Storage
import Testing

/// The store contract, run on every engine (`Engine.available`): staging and versions, the feed committed with
/// its change, quarantine, links, checkpoints.
@Suite struct StoreContractTests {
    @Test(arguments: Engine.available) func stagingIsIdempotentAndVersionsChanges(engine: Engine) throws {
        let store = try engine.makeStore()
        let first = try store.write { try $0.stage(Fixture.person("K1"), contentHash: "h1", at: "t1") }
        let again = try store.write { try $0.stage(Fixture.person("K1"), contentHash: "h1", at: "t2") }
        let changed = try store.write { try $0.stage(Fixture.person("K1", name: "Nguyễn Văn Ân"), contentHash: "h2", at: "t3") }
        #expect(first.1 == .inserted)
        #expect(again.1 == .unchanged)
        #expect(changed.1 == .updated)
        #expect(changed.0.version == 2)
        #expect(changed.0.id == first.0.id)
    }

    @Test(arguments: Engine.available) func feedAppendCommitsWithTheChangeAndRollbackLeavesNothing(engine: Engine) throws {
        let store = try engine.makeStore()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { transaction in
                _ = try transaction.stage(Fixture.person("K1"), contentHash: "h1", at: "t")
                try transaction.appendFeedEvent(type: .entityCreated, subject: "P-1", kind: .person, data: "{}", at: "t")
                throw Boom()
            }
        }
        #expect(try store.read { try $0.feed(after: 0, limit: 10) }.isEmpty)
        #expect(try store.read { try $0.mention(key: Fixture.person("K1").key) } == nil)

        let appended = try store.write { transaction in
            let staged = try transaction.stage(Fixture.person("K1"), contentHash: "h1", at: "t")
            #expect(try transaction.mention(id: staged.0.id)?.mention.key == Fixture.person("K1").key)
            return [
                try transaction.appendFeedEvent(type: .entityCreated, subject: "P-1", kind: .person, data: "{}", at: "t"),
                try transaction.appendFeedEvent(type: .entityUpdated, subject: "P-1", kind: .person, data: "{}", at: "t"),
            ]
        }
        let events = try store.read { try $0.feed(after: 0, limit: 10) }
        // What an append returns is what the feed holds: the sequence and a random (version 4) UUID, in lower case.
        #expect(appended.map(\.sequence) == events.map(\.sequence))
        #expect(appended.map(\.id) == events.map(\.id))
        for event in events {
            let uuid = try #require(UUID(uuidString: event.id))
            #expect(event.id == uuid.uuidString.lowercased())
            #expect(Array(event.id)[14] == "4" && "89ab".contains(Array(event.id)[19]))
        }
        #expect(events.map(\.type) == [.entityCreated, .entityUpdated])
        #expect(events.map(\.sequence) == [events[0].sequence, events[0].sequence + 1])
        #expect(Set(events.map(\.id)).count == 2)
        #expect(try store.read { try $0.feed(after: events[0].sequence, limit: 10) }.map(\.sequence) == [events[1].sequence])
    }

    /// A write may be sent without waiting (PostgreSQL pipelines them): its failure still fails the transaction, at
    /// the latest at the commit, names the table, and leaves nothing of the transaction behind; the store goes on.
    @Test(arguments: Engine.available) func aFailedWriteFailsItsTransactionEvenWhenReportedLate(engine: Engine) throws {
        let store = try engine.makeStore()
        try store.write { try $0.createEntity(id: "P-1", kind: .person, at: "t") }
        var failure: (any Error)?
        do {
            try store.write { transaction in
                try transaction.createEntity(id: "P-2", kind: .person, at: "t")
                try transaction.createEntity(id: "P-1", kind: .person, at: "t")  // a duplicate key
                for k in 3...600 { try transaction.createEntity(id: "P-\(k)", kind: .person, at: "t") }
            }
        } catch {
            failure = error
        }
        #expect("\(failure.map { "\($0)" } ?? "no error")".contains("entities"))
        #expect(try store.read { try $0.entity(id: "P-2") } == nil)
        #expect(try store.read { try $0.entity(id: "P-600") } == nil)
        // A failed write followed by nothing that waits: the COMMIT reports it (PostgreSQL would answer the COMMIT of
        // the aborted transaction with a rollback, not an error).
        #expect(throws: (any Error).self) {
            try store.write { transaction in
                try transaction.createEntity(id: "P-3", kind: .person, at: "t")
                try transaction.createEntity(id: "P-1", kind: .person, at: "t")
            }
        }
        #expect(try store.read { try $0.entity(id: "P-3") } == nil)
        // The next transaction on the same connections works, and a late failure is also caught by a read.
        try store.write { try $0.createEntity(id: "P-2", kind: .person, at: "t") }
        #expect(throws: (any Error).self) {
            try store.write { transaction in
                try transaction.createEntity(id: "P-1", kind: .person, at: "t")
                _ = try transaction.entity(id: "P-2")
            }
        }
        #expect(try store.read { try $0.entity(id: "P-2") }?.status == .active)
    }

    /// A record read by ID takes the API key, the entity and its golden record in one batch of lookups: each found or
    /// not on its own (a golden record or not, retired with its redirect, missing; a key or none).
    @Test(arguments: Engine.available) func aRecordIsReadWithItsKeyAndGoldenRecordInOneLookup(engine: Engine) throws {
        let store = try engine.makeStore()
        let record = GoldenRecord(entityID: "P-1", body: .person(GoldenPerson()), mentions: [])
        let key = APIKey(
            id: "k1", secretHash: "h", role: .reader, jurisdiction: Jurisdiction(national: true), label: nil, createdAt: "t",
            revokedAt: nil, configured: false)
        try store.write { transaction in
            try transaction.putAPIKey(key)
            try transaction.createEntity(id: "P-1", kind: .person, at: "t")
            try transaction.putGoldenRecord(record, json: #"{"id":"P-1"}"#, at: "t")
            try transaction.createEntity(id: "P-2", kind: .person, at: "t")
            try transaction.createEntity(id: "P-3", kind: .person, at: "t")
            try transaction.retireEntity(id: "P-3", redirectTo: "P-1", at: "t")
        }
        let withRecord = try store.read { try $0.keyAndRecord(keyID: "k1", entityID: "P-1") }
        #expect(withRecord.apiKey == key)
        #expect(withRecord.entity == EntityRow(id: "P-1", kind: .person, status: .active, redirectTo: nil))
        #expect(withRecord.goldenRecordJSON == #"{"id":"P-1"}"#)
        let withoutRecord = try store.read { try $0.keyAndRecord(keyID: "k1", entityID: "P-2") }
        #expect(withoutRecord.entity?.id == "P-2" && withoutRecord.goldenRecordJSON == nil)
        #expect(try store.read { try $0.keyAndRecord(keyID: "k1", entityID: "P-3") }.entity?.redirectTo == "P-1")
        let missing = try store.read { try $0.keyAndRecord(keyID: "k1", entityID: "P-9") }
        #expect(missing.apiKey == key && missing.entity == nil && missing.goldenRecordJSON == nil)
        let noKey = try store.read { try $0.keyAndRecord(keyID: "k9", entityID: "P-1") }
        #expect(noKey.apiKey == nil && noKey.entity?.id == "P-1")
    }

    /// Lookups of many ids at once (PostgreSQL sends them in pipelined batches) answer each id with its own row,
    /// across batch boundaries, and leave out ids without one.
    @Test(arguments: Engine.available) func batchedLookupsAnswerEveryIDWithItsOwnRow(engine: Engine) throws {
        let store = try engine.makeStore()
        let ids = try store.write { transaction in
            try (1...700).map { try transaction.stage(Fixture.person("K\($0)"), contentHash: "h\($0)", at: "t").0.id }
        }
        let keys = try store.write { try $0.mentionKeys(ids: ids + [ids.max()! + 1000] + ids.prefix(3)) }
        #expect(keys.count == 700)
        for (offset, id) in ids.enumerated() { #expect(keys[id]?.recordKey == "K\(offset + 1)") }
        #expect(try store.read { try $0.mentionKeys(ids: Array(ids.suffix(300))) } == keys.filter { ids.suffix(300).contains($0.key) })
    }

    @Test(arguments: Engine.available) func quarantineIsKeptOnceWithEveryReason(engine: Engine) throws {
        let store = try engine.makeStore()
        let location = SourceLocation(file: "land.csv", line: 7)
        let reasons = [
            Finding(rule: "date.impossible", severity: .error, message: "31/02 does not exist", field: "birth_date"),
            Finding(rule: "name.empty", severity: .error, message: "no name", field: "name"),
        ]
        let first = try store.write { try $0.quarantine(source: "land", location: location, rawText: "a,b", record: nil, reasons: reasons, at: "t") }
        let second = try store.write { try $0.quarantine(source: "land", location: location, rawText: "a,b", record: nil, reasons: reasons, at: "t") }
        #expect(first)
        #expect(!second)
        let records = try store.read { try $0.quarantined(source: "land", includeRetried: false, limit: 10) }
        #expect(records.count == 1)
        #expect(records.first?.reasons == reasons)
        #expect(records.first?.location.line == 7)
    }

    @Test(arguments: Engine.available) func linksAreReplacedPerStatingMention(engine: Engine) throws {
        let store = try engine.makeStore()
        let owner = Fixture.person("LD1", source: "land", registry: "land")
        let parcelA = Fixture.parcel("LD1"), parcelB = Fixture.parcel("LD2")
        try store.write { transaction in
            for mention in [owner, parcelA, parcelB] { _ = try transaction.stage(mention, contentHash: mention.key.recordKey, at: "t") }
            #expect(try transaction.replaceLinks(stated: [MentionLink(type: .ownsParcel, from: owner.key, to: parcelA.key)], at: "t"))
            #expect(!(try transaction.replaceLinks(stated: [MentionLink(type: .ownsParcel, from: owner.key, to: parcelA.key)], at: "t")))
            #expect(try transaction.replaceLinks(stated: [MentionLink(type: .ownsParcel, from: owner.key, to: parcelB.key)], at: "t"))
        }
        let links = try store.read { reader in try reader.links(ofMentions: [try reader.mention(key: owner.key)!.id]) }
        #expect(links.map(\.to) == [parcelB.key])

        // With the ids the caller knows, and a stating mention inserted in this transaction: the same outcome.
        let second = Fixture.person("LD3", source: "land", registry: "land")
        try store.write { transaction in
            let (stored, outcome) = try transaction.stage(second, contentHash: "LD3", at: "t")
            #expect(outcome == .inserted)
            let parcel = try #require(try transaction.mention(key: parcelA.key)).id
            let ids = [second.key: stored.id, parcelA.key: parcel]
            let stated = [MentionLink(type: .ownsParcel, from: second.key, to: parcelA.key)]
            #expect(try transaction.replaceLinks(stated: stated, ids: ids, firstIsNew: true, at: "t"))
            #expect(!(try transaction.replaceLinks(stated: stated + stated, ids: ids, firstIsNew: false, at: "t")))
            #expect(try transaction.replaceLinks(stated: [MentionLink(type: .ownsParcel, from: second.key, to: parcelB.key)], ids: ids, firstIsNew: false, at: "t"))
        }
        let secondLinks = try store.read { reader in try reader.links(ofMentions: [try reader.mention(key: second.key)!.id]) }
        #expect(secondLinks.map(\.to) == [parcelB.key])
    }

    @Test(arguments: Engine.available) func linksOfMentionsComeOnceEachFromEitherEndInLinkOrder(engine: Engine) throws {
        let store = try engine.makeStore()
        let owner = Fixture.person("LO1", source: "land", registry: "land"), spouse = Fixture.person("LO2", source: "land", registry: "land")
        let parcelA = Fixture.parcel("LOA"), parcelB = Fixture.parcel("LOB"), other = Fixture.parcel("LOC")
        try store.write { transaction in
            for mention in [owner, spouse, parcelA, parcelB, other] { _ = try transaction.stage(mention, contentHash: mention.key.recordKey, at: "t") }
            _ = try transaction.replaceLinks(stated: [
                MentionLink(type: .ownsParcel, from: owner.key, to: parcelA.key), MentionLink(type: .ownsParcel, from: owner.key, to: parcelB.key),
            ], at: "t")
            _ = try transaction.replaceLinks(stated: [
                MentionLink(type: .householdMember, from: spouse.key, to: owner.key), MentionLink(type: .ownsParcel, from: spouse.key, to: parcelA.key),
                MentionLink(type: .ownsParcel, from: spouse.key, to: other.key),
            ], at: "t")
        }
        let links = try store.read { reader in
            try reader.links(ofMentions: [try reader.mention(key: owner.key)!.id, try reader.mention(key: parcelA.key)!.id])
        }
        // owner → A is reached from both of its ends and comes once; spouse → C touches neither mention.
        #expect(links.map { "\($0.from.recordKey)>\($0.to.recordKey)" } == ["LO1>LOA", "LO1>LOB", "LO2>LO1", "LO2>LOA"])
    }

    @Test(arguments: Engine.available) func checkpointsAreSetReplacedAndCleared(engine: Engine) throws {
        let store = try engine.makeStore()
        try store.write { try $0.setCheckpoint(source: "land", key: "etag", value: "\"v1\"", at: "t") }
        try store.write { try $0.setCheckpoint(source: "land", key: "etag", value: "\"v2\"", at: "t") }
        #expect(try store.read { try $0.checkpoint(source: "land", key: "etag") } == "\"v2\"")
        #expect(try store.read { try $0.checkpoint(source: "population", key: "etag") } == nil)
        try store.write { try $0.setCheckpoint(source: "land", key: "etag", value: nil, at: "t") }
        #expect(try store.read { try $0.checkpoint(source: "land", key: "etag") } == nil)
    }

    /// A job claimed through one store cannot be claimed through another on the same database (another process)
    /// nor again through the same one, until it is released.
    @Test(arguments: Engine.available) func aJobIsClaimedByOneHolderAtATime(engine: Engine) throws {
        let (first, second) = try engine.makeTwoStoresOnOneDatabase()
        let claim = try #require(try first.claimJob("population"))
        #expect(try second.claimJob("population") == nil)
        #expect(try first.claimJob("population") == nil)
        let other = try #require(try second.claimJob("land"), "another job is free")
        claim.release()
        let again = try #require(try second.claimJob("population"), "a released job can be claimed again")
        again.release()
        other.release()
    }
}
