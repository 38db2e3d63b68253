import Domain
import Foundation
import Storage
import StorageSQLite
import Testing

/// What only the SQLite engine has: a file that is migrated, reopened, upgraded from old schemas, or refused.
@Suite struct SQLiteStoreTests {
    @Test func freshFileIsMigratedAndReopenKeepsData() throws {
        let path = try Fixture.temporaryDirectory() + "/store.db"
        do {
            let store = try SQLiteStore(path: path)
            #expect(store.schemaVersion == 10)
            _ = try store.write { try $0.stage(Fixture.person("K1"), contentHash: "h1", at: "t") }
        }
        let reopened = try SQLiteStore(path: path)
        #expect(reopened.schemaVersion == 10)
        let stored = try reopened.read { try $0.mention(key: MentionKey(source: "population", kind: .person, recordKey: "K1")) }
        #expect(stored?.version == 1)
        #expect(stored?.contentHash == "h1")
        #expect(try reopened.integrityCheck() == "ok")
    }

    @Test func anAccessLogInTheStoreMovesToItsOwnFileOnOpenAndStaysChained() throws {
        let path = try Fixture.temporaryDirectory() + "/store.db"
        let entries = (1...3).map { n in
            AccessLogEntry(
                sequence: Int64(n), time: "t\(n)", keyID: "k", entityID: "P-\(n)", fields: ["name"], purpose: "p", route: "/", previousHash: "h\(n - 1)",
                hash: "h\(n)")
        }
        try SQLiteStore(path: path).write { _ in }
        // Back to the layout of schema 8: the log inside the store, holding three entries, and no file beside it; none of
        // migration 10's columns and table.
        for suffix in ["-access", "-access-wal", "-access-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let raw = try RawSQLite(path: path)
        try raw.execute(
            """
            CREATE TABLE access_log (
                sequence INTEGER PRIMARY KEY, time TEXT NOT NULL, key_id TEXT NOT NULL, entity_id TEXT NOT NULL, fields TEXT NOT NULL,
                purpose TEXT NOT NULL, route TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
            DROP TABLE blocking_rules_indexed; ALTER TABLE person_index DROP COLUMN document_numbers;
            ALTER TABLE person_index DROP COLUMN streets; ALTER TABLE person_index DROP COLUMN postal_codes;
            DELETE FROM schema_migrations WHERE version >= 9;
            """ + entries.map { "INSERT INTO access_log VALUES (\($0.sequence), '\($0.time)', 'k', '\($0.entityID)', 'name', 'p', '/', '\($0.previousHash)', '\($0.hash)');" }
                .joined())
        raw.close()

        // A log file beside it whose second entry differs (another store's): refused, and the store keeps its log.
        let foreign = try RawSQLite(path: path + "-access")
        try foreign.execute(
            """
            CREATE TABLE access_log (
                sequence INTEGER PRIMARY KEY, time TEXT NOT NULL, key_id TEXT NOT NULL, entity_id TEXT NOT NULL, fields TEXT NOT NULL,
                purpose TEXT NOT NULL, route TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
            INSERT INTO access_log VALUES (2, 't', 'k', 'P-9', '', 'p', '/', 'x', 'other');
            """)
        foreign.close()
        #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        let kept = try RawSQLite(path: path)
        try kept.execute("SELECT count(*) FROM access_log")  // still there: nothing was dropped
        kept.close()
        for suffix in ["-access", "-access-wal", "-access-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }

        let store = try SQLiteStore(path: path)
        #expect(store.schemaVersion == 10 && FileManager.default.fileExists(atPath: store.accessLogPath))
        #expect(try store.read { try $0.accessLog(entityID: "P-2") } == [entries[1]])
        try store.appendToAccessLog { log in
            #expect(try log.lastAccessLogEntry() == entries[2])
            _ = try log.appendAccessLog(AccessLogEntry(time: "t4", keyID: "k", entityID: "P-4", fields: [], purpose: "p", route: "/", previousHash: "h3", hash: "h4"))
        }
        var sequences: [Int64] = []
        try store.read { try $0.forEachAccessLogEntry { sequences.append($0.sequence) } }
        #expect(sequences == [1, 2, 3, 4])
        #expect(try store.integrityCheck() == "ok")
        let inStore = try RawSQLite(path: path)
        defer { inStore.close() }
        #expect(throws: (any Error).self, "the store's own file no longer has the table") { try inStore.execute("SELECT count(*) FROM access_log") }
    }

    @Test func anAccessLogThatIsMissingOrBelongsToAnotherStoreIsRefused() throws {
        let directory = try Fixture.temporaryDirectory()
        let entry = AccessLogEntry(time: "t", keyID: "k", entityID: "P-1", fields: [], purpose: "p", route: "/", hash: "h1")
        try SQLiteStore(path: directory + "/a.db").appendToAccessLog { _ = try $0.appendAccessLog(entry) }
        // A store restored without its log: refused, not given an empty log that would verify as intact.
        try FileManager.default.moveItem(atPath: directory + "/a.db-access", toPath: directory + "/kept-access")
        #expect(throws: StoreError.self) { try SQLiteStore(path: directory + "/a.db") }
        // An empty file in its place: refused too, not taken for a log that starts again at 1.
        #expect(FileManager.default.createFile(atPath: directory + "/a.db-access", contents: Data()))
        #expect(throws: StoreError.self) { try SQLiteStore(path: directory + "/a.db") }
        try FileManager.default.removeItem(atPath: directory + "/a.db-access")
        // That log beside a new store: refused, not continued by another store's reads.
        try FileManager.default.moveItem(atPath: directory + "/kept-access", toPath: directory + "/b.db-access")
        #expect(throws: StoreError.self) { try SQLiteStore(path: directory + "/b.db") }
    }

    @Test func newerSchemaIsRefusedAndTheFileIsUntouched() throws {
        let path = try Fixture.temporaryDirectory() + "/store.db"
        _ = try SQLiteStore(path: path)
        try SQLiteStore(path: path).write { _ in }  // make sure WAL content is checkpointed by a clean close
        let raw = try RawSQLite(path: path)
        try raw.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'x')")
        raw.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(location: path, found: 99, supported: 10)) { try SQLiteStore(path: path) }
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
            DROP TABLE webhook_subscriptions; DROP TABLE person_legacy_numbers; DROP TABLE job_states; DROP TABLE blocking_rules_indexed;
            DROP INDEX job_runs_by_source; ALTER TABLE quarantine DROP COLUMN record;
            DROP INDEX mentions_by_raw_digest; ALTER TABLE mentions DROP COLUMN raw_digest; ALTER TABLE mentions DROP COLUMN retired_at;
            DELETE FROM schema_migrations WHERE version >= 2;
            """)
        raw.close()
        let upgraded = try SQLiteStore(path: path)
        #expect(upgraded.schemaVersion == 10)
        #expect(try upgraded.read { try $0.summary() }.mentionsByKind["person"] == 1)
        #expect(try upgraded.read { try $0.personIndexCount() } == 0)
    }

    /// A store of schema 9 with persons gains migration 10: their new index columns are empty, their blocking keys
    /// stay, and the five rules every earlier version built keys for are recorded as built.
    @Test func aSchemaNineStoreWithPersonsIsUpgraded() throws {
        let path = try Fixture.temporaryDirectory() + "/store.db"
        try Fixture.expectMigration10KeepsPersons(
            open: { try SQLiteStore(path: path) },
            undo: {
                let raw = try RawSQLite(path: path)
                try raw.execute(Fixture.undoMigration10)
                raw.close()
            })
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

    @Test func storeURLs() throws {
        #expect(try StoreURL(parsing: "sqlite:lienthong.db") == .sqlite(path: "lienthong.db"))
        #expect(try StoreURL(parsing: "sqlite:///var/lib/x.db") == .sqlite(path: "/var/lib/x.db"))
        #expect(try StoreURL(parsing: "postgresql://u@h/db") == .postgres(conninfo: "postgresql://u@h/db"))
        #expect(throws: StoreError.self) { try StoreURL(parsing: "mysql://h/db") }
    }
}

