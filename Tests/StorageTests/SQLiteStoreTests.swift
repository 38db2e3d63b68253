import Domain
import Foundation
import Storage
import StorageSQLite
import Testing

@Suite struct SQLiteStoreTests {
    @Test func freshFileIsMigratedAndReopenKeepsData() throws {
        let path = try Fixture.temporaryDirectory() + "/store.db"
        do {
            let store = try SQLiteStore(path: path)
            #expect(store.schemaVersion == 8)
            _ = try store.write { try $0.stage(Fixture.person("K1"), contentHash: "h1", at: "t") }
        }
        let reopened = try SQLiteStore(path: path)
        #expect(reopened.schemaVersion == 8)
        let stored = try reopened.read { try $0.mention(key: MentionKey(source: "population", kind: .person, recordKey: "K1")) }
        #expect(stored?.version == 1)
        #expect(stored?.contentHash == "h1")
        #expect(try reopened.integrityCheck() == "ok")
    }

    @Test func stagingIsIdempotentAndVersionsChanges() throws {
        let store = try SQLiteStore(path: try Fixture.temporaryDirectory() + "/store.db")
        let first = try store.write { try $0.stage(Fixture.person("K1"), contentHash: "h1", at: "t1") }
        let again = try store.write { try $0.stage(Fixture.person("K1"), contentHash: "h1", at: "t2") }
        let changed = try store.write { try $0.stage(Fixture.person("K1", name: "Nguyễn Văn Ân"), contentHash: "h2", at: "t3") }
        #expect(first.1 == .inserted)
        #expect(again.1 == .unchanged)
        #expect(changed.1 == .updated)
        #expect(changed.0.version == 2)
        #expect(changed.0.id == first.0.id)
    }

    @Test func feedAppendCommitsWithTheChangeAndRollbackLeavesNothing() throws {
        let store = try SQLiteStore(path: try Fixture.temporaryDirectory() + "/store.db")
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

        try store.write { transaction in
            _ = try transaction.stage(Fixture.person("K1"), contentHash: "h1", at: "t")
            try transaction.appendFeedEvent(type: .entityCreated, subject: "P-1", kind: .person, data: "{}", at: "t")
            try transaction.appendFeedEvent(type: .entityUpdated, subject: "P-1", kind: .person, data: "{}", at: "t")
        }
        let events = try store.read { try $0.feed(after: 0, limit: 10) }
        #expect(events.map(\.type) == [.entityCreated, .entityUpdated])
        #expect(events.map(\.sequence) == [events[0].sequence, events[0].sequence + 1])
        #expect(Set(events.map(\.id)).count == 2)
        #expect(try store.read { try $0.feed(after: events[0].sequence, limit: 10) }.map(\.sequence) == [events[1].sequence])
    }

    @Test func newerSchemaIsRefusedAndTheFileIsUntouched() throws {
        let path = try Fixture.temporaryDirectory() + "/store.db"
        _ = try SQLiteStore(path: path)
        try SQLiteStore(path: path).write { _ in }  // make sure WAL content is checkpointed by a clean close
        let raw = try RawSQLite(path: path)
        try raw.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'x')")
        raw.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(location: path, found: 99, supported: 8)) { try SQLiteStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aVersionOneStoreIsUpgradedInPlaceAndKeepsItsData() throws {
        let path = try Fixture.temporaryDirectory() + "/store.db"
        try SQLiteStore(path: path).write { transaction in
            _ = try transaction.stage(Fixture.person("DC1", name: "Nguyễn Văn An"), contentHash: "h1", at: "t")
        }
        // Take the file back to schema 1, as a store written before the resolver's tables existed.
        let raw = try RawSQLite(path: path)
        try raw.execute(
            """
            DROP TABLE person_index; DROP TABLE blocking_keys; DROP TABLE match_models; DROP TABLE pair_constraints;
            DROP TABLE review_items; DROP TABLE entity_lineage; DROP TABLE steward_decisions; DROP TABLE value_choices;
            DROP TABLE entity_places; DROP TABLE entity_search; DROP TABLE entity_search_names; DROP TABLE api_keys;
            DROP TABLE access_log; DROP TABLE webhook_subscriptions; DROP TABLE person_legacy_numbers; DROP TABLE job_states;
            DROP INDEX job_runs_by_source; ALTER TABLE quarantine DROP COLUMN record;
            DROP INDEX mentions_by_raw_digest; ALTER TABLE mentions DROP COLUMN raw_digest; ALTER TABLE mentions DROP COLUMN retired_at;
            DELETE FROM schema_migrations WHERE version >= 2;
            """)
        raw.close()
        let upgraded = try SQLiteStore(path: path)
        #expect(upgraded.schemaVersion == 8)
        #expect(try upgraded.read { try $0.summary() }.mentionsByKind["person"] == 1)
        #expect(try upgraded.read { try $0.personIndexCount() } == 0)
    }

    @Test func aFileThatIsNotAStoreIsRefusedUntouched() throws {
        let directory = try Fixture.temporaryDirectory()
        let text = directory + "/notes.db"
        try Data("this is not a database, just text\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.self) { try SQLiteStore(path: text) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "this is not a database, just text\n")

        let foreign = directory + "/other.db"
        let raw = try RawSQLite(path: foreign)
        try raw.execute("CREATE TABLE customers (id INTEGER)")
        raw.close()
        #expect(throws: StoreError.cannotOpen(location: foreign, reason: "a SQLite database, but not a LienThong store")) {
            try SQLiteStore(path: foreign)
        }
    }

    @Test func quarantineIsKeptOnceWithEveryReason() throws {
        let store = try SQLiteStore(path: try Fixture.temporaryDirectory() + "/store.db")
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

    @Test func linksAreReplacedPerStatingMention() throws {
        let store = try SQLiteStore(path: try Fixture.temporaryDirectory() + "/store.db")
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
    }

    @Test func storeURLs() throws {
        #expect(try StoreURL(parsing: "sqlite:lienthong.db") == .sqlite(path: "lienthong.db"))
        #expect(try StoreURL(parsing: "sqlite:///var/lib/x.db") == .sqlite(path: "/var/lib/x.db"))
        #expect(try StoreURL(parsing: "postgresql://u@h/db") == .postgres(conninfo: "postgresql://u@h/db"))
        #expect(throws: StoreError.self) { try StoreURL(parsing: "mysql://h/db") }
    }
}

@Suite struct CheckpointTests {
    @Test func checkpointsAreSetReplacedAndCleared() throws {
        let store = try SQLiteStore(path: try Fixture.temporaryDirectory() + "/store.db")
        try store.write { try $0.setCheckpoint(source: "land", key: "etag", value: "\"v1\"", at: "t") }
        try store.write { try $0.setCheckpoint(source: "land", key: "etag", value: "\"v2\"", at: "t") }
        #expect(try store.read { try $0.checkpoint(source: "land", key: "etag") } == "\"v2\"")
        #expect(try store.read { try $0.checkpoint(source: "population", key: "etag") } == nil)
        try store.write { try $0.setCheckpoint(source: "land", key: "etag", value: nil, at: "t") }
        #expect(try store.read { try $0.checkpoint(source: "land", key: "etag") } == nil)
    }
}
