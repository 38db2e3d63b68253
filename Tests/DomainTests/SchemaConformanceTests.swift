import Domain
import Foundation
import Testing

/// The canonical model in code and in `Schemas/` must agree: encode real values, validate them with the
/// JSON Schema validator (python3 jsonschema, run through scripts/validate_json.py).
@Suite struct SchemaConformanceTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return "."
    }()

    func validate(_ lines: [String], schema: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(Self.root)/scripts/validate_json.py", schema]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(lines.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static let person: Mention = {
        let name = PersonName(
            asGiven: "NGUYỄN VĂN AN", full: "Nguyễn Văn An", family: "Nguyễn", middle: "Văn", given: "An", folded: "nguyen van an")
        let record = PersonRecord(
            name: name, birthDate: PartialDate(year: 1987, month: 3, day: 9), sex: .male,
            identifiers: [
                Identifier(type: .personalNumber, value: "001087012345", issuer: "001"),
                Identifier(type: .legacyID9, value: "012345678", isValid: true, issuer: "01"),
                Identifier(type: .socialInsurance, value: "0123456789"),
            ],
            addresses: [
                Address(
                    text: "Số 5, Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An", houseNumber: "5", postalCode: "85000", communeCode: "27595",
                    districtCode: "802",
                    provinceCode: "80", scheme: .pre2025, currentCommuneCodes: ["27595"], currentProvinceCode: "80")
            ], phone: "+84912345678", householdID: "HK00000123", householdRelation: "Chủ hộ")
        return Mention(
            key: MentionKey(source: "land", kind: .person, recordKey: "LD0000001"), registry: "land", body: .person(record),
            findings: [Finding(rule: "date.placeholder", severity: .info, message: "01/01 used as a placeholder", field: "birth_date")],
            location: SourceLocation(file: "land.csv", line: 2, column: 1, byteOffset: 180))
    }()

    static let parcel = Mention(
        key: MentionKey(source: "land", kind: .parcel, recordKey: "LD0000001"), registry: "land",
        body: .parcel(ParcelRecord(communeCode: "27595", communeScheme: .pre2025, mapSheet: "12", parcelNumber: "345", area: 120.5, landUse: "ONT")),
        location: SourceLocation(file: "land.csv", line: 2))

    static let enterprise = Mention(
        key: MentionKey(source: "enterprise", kind: .enterprise, recordKey: "0314409058"), registry: "enterprise",
        body: .enterprise(EnterpriseRecord(code: "0314409058", name: "Công ty TNHH An Phú", status: .active, registrationDate: PartialDate(year: 2015, month: 6))),
        location: SourceLocation(file: "enterprise.json", line: 3, column: 3, pointer: "/0"))

    @Test func mentionsMatchTheSchema() throws {
        let result = try validate([try json(Self.person), try json(Self.parcel), try json(Self.enterprise)], schema: "mention.schema.json")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("3 documents, 0 errors"))
    }

    @Test func theSchemaRejectsWhatTheModelCannotProduce() throws {
        var broken = try json(Self.parcel)
        broken = broken.replacingOccurrences(of: "\"communeScheme\":\"pre2025\"", with: "\"communeScheme\":\"1999\"")
        let result = try validate([broken], schema: "mention.schema.json")
        #expect(result.status == 1)
    }

    @Test func goldenRecordsMatchTheSchema() throws {
        guard case .person(let record) = Self.person.body, let name = record.name else { Issue.record("fixture"); return }
        let from = Self.person.key
        let golden = GoldenRecord(
            entityID: "P-0123456789abcdef",
            body: .person(
                GoldenPerson(
                    name: Provenanced(value: name, from: from), birthDate: record.birthDate.map { Provenanced(value: $0, from: from) },
                    sex: Provenanced(value: .male, from: from), identifiers: record.identifiers.map { Provenanced(value: $0, from: from) },
                    addresses: record.addresses.map { Provenanced(value: $0, from: from) })),
            mentions: [from])
        let result = try validate([try json(golden)], schema: "golden-record.schema.json")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func partialDatesRoundTripTheirISOText() throws {
        #expect(PartialDate(iso: "1987-03-09")?.precision == .day)
        #expect(PartialDate(iso: "1987")?.precision == .year)
        #expect(PartialDate(iso: "1987-02-29") == nil)
        #expect(PartialDate(iso: "1988-02-29")?.description == "1988-02-29")
        #expect(PartialDate(year: 1990, month: 13) == nil)
        let decoded = try JSONDecoder().decode([PartialDate].self, from: Data(#"["1945","1987-03"]"#.utf8))
        #expect(decoded.map(\.precision) == [.year, .month])
    }

    @Test func rawPathsParseAndNavigate() throws {
        let node = RawNode.object([
            ("ho_khau", .object([("@so", .text("HK1")), ("#text", .text("x"))])),
            ("items", .list([.text("a"), .object([("name", .text("b"))])])),
        ])
        #expect(node.value(at: try #require(RawPath(parsing: "ho_khau/@so"))) == .text("HK1"))
        #expect(node.value(at: try #require(RawPath(parsing: "items[1]/name"))) == .text("b"))
        #expect(node.value(at: try #require(RawPath(parsing: "missing"))) == nil)
        #expect(RawPath(parsing: "a[x]") == nil)
        #expect(RawPath(parsing: "") == nil)
    }

    @Test func foldingDropsDiacriticsAndMapsDStroke() {
        #expect(TextFolding.fold("Nguyễn  Đức Thắng") == "nguyen duc thang")
        #expect(TextFolding.fold("Nguye\u{0302}\u{0303}n") == "nguyen")
        #expect(TextFolding.fold("Ea H’leo") == "ea h'leo")
        #expect(TextFolding.fold("  ĐÀ NẴNG ") == "da nang")
    }
}

@Suite struct TrimmingTests {
    @Test func trimsUnicodeWhitespaceOnly() {
        #expect("  Nguyễn Văn An \n".trimmingWhitespace == "Nguyễn Văn An")
        #expect("\u{00A0}Hà Nội\u{3000}".trimmingWhitespace == "Hà Nội")
        #expect("   ".trimmingWhitespace == "")
        #expect("".trimmingWhitespace == "")
        #expect("a".trimmingWhitespace == "a")
        #expect("x y".trimmingWhitespace == "x y")
    }
}
