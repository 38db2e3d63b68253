import Domain
import Foundation
import Storage
import Testing

/// Small builders for store tests.
enum Fixture {
    /// Takes a store of schema 10 back to schema 9 (SQLite) or 8 (PostgreSQL): the SQL is the same on both.
    static let undoMigration10 = """
        DROP TABLE blocking_rules_indexed; ALTER TABLE person_index DROP COLUMN document_numbers;
        ALTER TABLE person_index DROP COLUMN streets; ALTER TABLE person_index DROP COLUMN postal_codes;
        DELETE FROM schema_migrations WHERE version = 10;
        """

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "lienthong-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func person(_ key: String, source: String = "population", registry: String = "population", name: String = "Nguyễn Văn An", number: String? = nil) -> Mention {
        var record = PersonRecord()
        record.name = PersonName(asGiven: name, full: name, family: nil, middle: nil, given: nil, folded: TextFolding.fold(name))
        if let number { record.identifiers = [Identifier(type: .personalNumber, value: number)] }
        return Mention(
            key: MentionKey(source: source, kind: .person, recordKey: key), registry: registry, body: .person(record),
            location: SourceLocation(file: "\(source).xml", line: 1))
    }

    static func parcel(_ key: String, source: String = "land") -> Mention {
        Mention(
            key: MentionKey(source: source, kind: .parcel, recordKey: key), registry: "land",
            body: .parcel(ParcelRecord(communeCode: "27595", communeScheme: .pre2025, mapSheet: "12", parcelNumber: key)),
            location: SourceLocation(file: "land.csv", line: 2))
    }

    /// Stages and indexes a person in the store `open` gives, takes the store back before migration 10 with `undo`,
    /// and checks that opening it again upgrades it and keeps the person: its new index columns empty, its keys kept,
    /// and the five rules it built keys for recorded as built.
    static func expectMigration10KeepsPersons(open: () throws -> any Store, undo: () throws -> Void) throws {
        let id = try open().write { transaction in
            let id = try transaction.stage(person("K1"), contentHash: "h1", at: "t").0.id
            try transaction.indexPerson(MatchIndexStoreTests.entry(id), keys: [.init(rule: "full_name_birth_year", hash: 3)])
            return id
        }
        try undo()
        let upgraded = try open()
        #expect(upgraded.schemaVersion == 10)
        let entry = try upgraded.read { try $0.personIndexEntries(mentionIDs: [id]) }.first
        #expect(entry?.foldedFullName == MatchIndexStoreTests.entry(id).foldedFullName)
        #expect(entry?.documentNumbers == [] && entry?.streets == [] && entry?.postalCodes == [])
        #expect(try upgraded.read { try $0.mentionIDs(sharing: [BlockingKeyHash(rule: "full_name_birth_year", hash: 3)]) } == [id])
        #expect(try upgraded.read { try $0.indexedBlockingRules() }.count == 5)
    }
}
