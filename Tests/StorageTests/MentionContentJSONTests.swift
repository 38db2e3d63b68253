import Domain
import Foundation
import Storage
import StorageSQLite
import Testing

/// Mention content text is what the content hash covers: the hand-written writer must give `JSONEncoder`'s
/// bytes, and the store reads it back with the hand-written reader.
@Suite struct MentionContentJSONTests {
    static let mentions: [Mention] = {
        var person = Fixture.person("K1", number: "001087000123")
        person.findings = [
            Finding(rule: "cccd.birth_year_mismatch", severity: .warning, message: "Năm sinh \"1987\" ≠ 1978 / mã", field: "identifiers"),
            Finding(rule: "name.odd", severity: .info, message: "tab\there\u{1}"),
        ]
        if case .person(var record) = person.body {
            record.birthDate = PartialDate(year: 1987, month: 3)
            record.sex = .female
            record.addresses = [Address(text: "Số 12/3, Phường Bến Nghé", communeCode: "26734", scheme: .pre2025, currentCommuneCodes: ["26734", "26737"])]
            record.householdRelation = "Chủ hộ"
            person.body = .person(record)
        }
        var parcel = Fixture.parcel("7")
        if case .parcel(var record) = parcel.body {
            record.area = 120
            parcel.body = .parcel(record)
        }
        let enterprise = Mention(
            key: MentionKey(source: "dkkd", kind: .enterprise, recordKey: "0101234567"), registry: "enterprise",
            body: .enterprise(EnterpriseRecord(code: "0101234567", name: "Công ty TNHH \\Ánh Dương\\", status: .active)),
            location: SourceLocation(file: "enterprise.json", pointer: "/3"))
        return [person, Fixture.person("K2"), parcel, enterprise]
    }()

    @Test(arguments: Self.mentions) func contentTextIsJSONEncodersText(mention: Mention) throws {
        #expect(try MentionContent.json(mention) == CanonicalJSON.encoderString(MentionContent(mention)))
        #expect(try CanonicalJSON.string(mention.location) == CanonicalJSON.encoderString(mention.location))
    }

    @Test(arguments: Self.mentions) func contentTextReadsBack(mention: Mention) throws {
        let content = try MentionContent.read(MentionContent.json(mention))
        #expect(content.mention(key: mention.key, location: mention.location) == mention)
        let decoded = try JSONDecoder().decode(MentionContent.self, from: Data(MentionContent.json(mention).utf8))
        #expect(decoded.body == content.body && decoded.findings == content.findings && decoded.registry == content.registry)
    }

    @Test(arguments: Engine.available, Self.mentions) func storeReadsMentionsBackThroughTheReader(engine: Engine, mention: Mention) throws {
        let store = try engine.makeStore()
        _ = try store.write { try $0.stage(mention, contentHash: "h", at: "t") }
        #expect(try store.read { try $0.mention(key: mention.key) }?.mention == mention)
    }

    @Test func malformedStoredContentIsACorruptRow() throws {
        let path = try Fixture.temporaryDirectory() + "/store.db"
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.write { try $0.stage(Fixture.person("K1"), contentHash: "h", at: "t") }
        }
        let raw = try RawSQLite(path: path)
        try raw.execute(#"UPDATE mentions SET body = '{"registry":"population","findings":[],"body":{"kind":"person"'"#)
        raw.close()
        let store = try SQLiteStore(path: path)
        do {
            _ = try store.read { try $0.mention(key: Fixture.person("K1").key) }
            Issue.record("a malformed row was read")
        } catch StoreError.corruptRow(let message) {
            #expect(message.contains("mention: invalid JSON at byte"))
        }
    }
}
