import Domain
import Mapping
import Reference
import Testing

@Suite struct MappingEvaluatorTests {
    let reference: ReferenceData

    init() throws { reference = try sharedReference.get() }

    func evaluator(_ name: String) throws -> MappingEvaluator {
        MappingEvaluator(mapping: try MappingLoader.load(path: shippedMapping(name)), reference: reference)
    }

    func mapped(_ result: MappingResult) -> (mentions: [Mention], links: [MentionLink])? {
        if case .mapped(let mentions, let links) = result { return (mentions, links) }
        Issue.record("expected mentions, got \(result)")
        return nil
    }

    func reasons(_ result: MappingResult) -> [Finding] {
        if case .quarantined(let reasons) = result { return reasons }
        Issue.record("expected quarantine, got \(result)")
        return []
    }

    @Test func populationRecordFromXMLShape() throws {
        let fields = RawNode.object([
            (key: "@ma", value: .text("DC00000001")), (key: "ho_ten", value: .text("Nguyễn Văn An")),
            (key: "ngay_sinh", value: .text("1987-03-09")), (key: "gioi_tinh", value: .text("Nam")),
            (key: "so_dinh_danh", value: .text("001087012345")), (key: "cmnd", value: .text("012345678")),
            (key: "noi_thuong_tru", value: .object([(key: "ma_tinh", value: .text("01")), (key: "ma_xa", value: .text("00004")), (key: "chi_tiet", value: .text("Số 12 Phố Láng Hạ"))])),
            (key: "ho_khau", value: .object([(key: "@so", value: .text("HK00000123")), (key: "@quan_he", value: .text("Chủ hộ"))])),
            (key: "dien_thoai", value: .text("0912345678")),
        ])
        let location = SourceLocation(file: "population.xml", line: 3, column: 3, pointer: "/dan_cu/cong_dan[1]")
        let result = try evaluator("population").evaluate(RawRecord(location: location, fields: fields, rawText: ""))
        let mention = try #require(mapped(result)?.mentions.first)
        #expect(mention.key == MentionKey(source: "population", kind: .person, recordKey: "DC00000001"))
        #expect(mention.registry == "population")
        #expect(mention.location == location)
        guard case .person(let person) = mention.body else { Issue.record("not a person"); return }
        #expect(person.name?.full == "Nguyễn Văn An")
        #expect(person.birthDate == PartialDate(year: 1987, month: 3, day: 9))
        #expect(person.sex == .male)
        #expect(person.identifiers.map(\.type) == [.personalNumber, .legacyID9])
        #expect(person.personalNumber == "001087012345")
        #expect(person.householdID == "HK00000123")
        #expect(person.householdRelation == "Chủ hộ")
        #expect(person.phone == "+84912345678")
        #expect(person.addresses.first?.communeCode == "00004")
        #expect(mention.findings.allSatisfy { $0.field != nil })
    }

    @Test func landRowMakesParcelOwnerAndLink() throws {
        let row = record([
            "ma_ho_so": "LD0000007", "ma_xa": "00004", "so_to": "12", "so_thua": "45", "dien_tich": "123,5", "muc_dich_su_dung": " odt ",
            "so_giay_chung_nhan": "CS00001", "ho_ten_chu": "NGUYEN VAN AN", "ngay_sinh_chu": "09/03/1987", "gioi_tinh_chu": "Nam",
            "loai_giay_to_chu": "CMND", "so_giay_to_chu": "012 345 678", "dia_chi_chu": "Số 5, Phường Trúc Bạch, Quận Ba Đình, Hà Nội",
        ])
        let output = try #require(mapped(try evaluator("land").evaluate(row)))
        #expect(output.mentions.map(\.key.kind) == [.parcel, .person])
        guard case .parcel(let parcel) = output.mentions[0].body, case .person(let owner) = output.mentions[1].body else {
            Issue.record("wrong bodies")
            return
        }
        #expect(parcel.parcelKey == "00004.12.45")
        #expect(parcel.communeScheme == .pre2025)
        #expect(parcel.area == 123.5)
        #expect(parcel.landUse == "ODT")
        #expect(owner.identifiers == [Identifier(type: .legacyID9, value: "012345678", issuer: "01")])
        #expect(owner.birthDate == PartialDate(year: 1987, month: 3, day: 9))
        #expect(owner.addresses.first?.text != nil)
        #expect(output.links == [MentionLink(type: .ownsParcel, from: output.mentions[1].key, to: output.mentions[0].key)])
    }

    @Test func invalidIdentifierIsKeptWithItsFinding() throws {
        let row = record([
            "ma_ho_so": "LD8", "ma_xa": "00004", "so_to": "1", "so_thua": "2", "ho_ten_chu": "Lê Văn Cường", "loai_giay_to_chu": "CCCD",
            "so_giay_to_chu": "00108701234",
        ])
        let output = try #require(mapped(try evaluator("land").evaluate(row)))
        guard case .person(let owner) = output.mentions[1].body else { Issue.record("no owner"); return }
        #expect(owner.identifiers == [Identifier(type: .personalNumber, value: "00108701234", isValid: false)])
        let finding = try #require(output.mentions[1].findings.first { $0.rule == "personal_number.length" })
        #expect(finding.field == "identifiers.personal_number")
        #expect(!finding.message.contains("00108701234"))
    }

    @Test func enterpriseWithoutRepresentativeHasNoLink() throws {
        let fields = RawNode.object([
            (key: "ma_so_doanh_nghiep", value: .text("0314409058")), (key: "ten_doanh_nghiep", value: .text("Công ty TNHH An Phú")),
            (key: "tinh_trang", value: .text("tạm ngừng kinh doanh")), (key: "ngay_dang_ky", value: .text("2015-06-01")),
        ])
        let output = try #require(mapped(try evaluator("enterprise").evaluate(RawRecord(location: SourceLocation(file: "e.json"), fields: fields, rawText: ""))))
        #expect(output.mentions.count == 1)
        #expect(output.links.isEmpty)
        guard case .enterprise(let enterprise) = output.mentions[0].body else { Issue.record("no enterprise"); return }
        #expect(enterprise == EnterpriseRecord(code: "0314409058", codeIsValid: true, name: "Công ty TNHH An Phú", status: .suspended, registrationDate: PartialDate(year: 2015, month: 6, day: 1)))
    }

    @Test func enterpriseWithBadCheckDigitIsKeptInvalid() throws {
        let fields = RawNode.object([(key: "ma_so_doanh_nghiep", value: .text("0314409059")), (key: "ten_doanh_nghiep", value: .text("X")), (key: "tinh_trang", value: .text("Hoạt động lạ"))])
        let output = try #require(mapped(try evaluator("enterprise").evaluate(RawRecord(location: SourceLocation(file: "e.json"), fields: fields, rawText: ""))))
        guard case .enterprise(let enterprise) = output.mentions[0].body else { Issue.record("no enterprise"); return }
        #expect(enterprise.codeIsValid == false)
        #expect(enterprise.status == .unknown)
        #expect(Set(output.mentions[0].findings.map(\.rule)) == ["enterprise_code.check_digit", "mapping.code_unmapped", "enterprise.status_unknown"])
    }

    @Test func communeLegacyKeyIsTheTemplate() throws {
        let row = record(["so_ho_khau": "HK7", "stt": "3", "ho_ten": "Phạm Thị Lan", "ngay_sinh": "1970", "gioi_tinh": "Nữ", "quan_he_chu_ho": "Con", "so_cmnd": "", "dia_chi": ""])
        let mention = try #require(mapped(try evaluator("commune_legacy").evaluate(row))?.mentions.first)
        #expect(mention.key == MentionKey(source: "commune_legacy", kind: .person, recordKey: "HK7-3"))
        #expect(mention.registry == "commune")
        guard case .person(let person) = mention.body else { Issue.record("no person"); return }
        #expect(person.identifiers.isEmpty)
        #expect(person.birthDate == PartialDate(year: 1970))
        #expect(person.sex == .female)
    }

    @Test func quarantineListsEveryReasonWithFieldValueAndRule() throws {
        let row = record(["ma_ho_so": "LD9", "ma_xa": "", "so_to": "1", "so_thua": "", "ho_ten_chu": "  ", "loai_giay_to_chu": "CCCD", "so_giay_to_chu": "1"])
        let found = reasons(try evaluator("land").evaluate(row))
        #expect(found.map(\.field) == ["commune", "number", "name"])
        #expect(found.allSatisfy { $0.rule == "mapping.required_missing" && $0.severity == .error })
        #expect(found[0].message == "parcel: required field 'commune' (from 'ma_xa') is missing or empty")
    }

    @Test func requiredInvalidValuesQuarantineWithTheValue() throws {
        let text = minimalMapping(personFields: """
                  birth_date: {from: ns, transform: date_dmy, required: true}
                  identifiers:
                    - {type: personal_number, from: so, required: true}
            """)
        let mapping = try MappingLoader.load(path: try writeTemporaryFile(text))
        let result = MappingEvaluator(mapping: mapping, reference: reference).evaluate(record(["id": "7", "ho_ten": "Võ Văn Tám", "ns": "31/02/1987", "so": "12AB"]))
        let found = reasons(result)
        #expect(found.map(\.rule) == ["mapping.required_invalid", "mapping.required_invalid"])
        #expect(found.map(\.field) == ["birth_date", "identifiers.personal_number"])
        #expect(found[0].message == "p: required field 'birth_date' value '31/02/1987' from 'ns' is not usable: date.impossible")
        #expect(found[1].message.contains("'12AB'"))
    }

    @Test func missingRecordKeyQuarantines() throws {
        let found = reasons(try evaluator("land").evaluate(record(["ma_xa": "00004"])))
        #expect(found.map(\.rule) == ["mapping.key_missing"])
    }

    @Test func outputConditionsAndDefaults() throws {
        let text = minimalMapping(personFields: "      household: {from: hk, default: NONE}", tail: """
              - id: q
                kind: person
                key: "{id}-b"
                when: {field: type, in: [b, c]}
                fields:
                  name: other
            """)
        let evaluator = MappingEvaluator(mapping: try MappingLoader.load(path: try writeTemporaryFile(text)), reference: reference)
        let one = try #require(mapped(evaluator.evaluate(record(["id": "1", "ho_ten": "An", "type": "A", "other": "Bình"]))))
        #expect(one.mentions.map(\.key.recordKey) == ["1"])
        guard case .person(let person) = one.mentions[0].body else { Issue.record("no person"); return }
        #expect(person.householdID == "NONE")
        let two = try #require(mapped(evaluator.evaluate(record(["id": "2", "ho_ten": "An", "type": "B", "other": "Bình"]))))
        #expect(two.mentions.map(\.key.recordKey) == ["2", "2-b"])
    }
}
