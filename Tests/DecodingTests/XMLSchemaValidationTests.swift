import Domain
import Testing
@testable import Decoding

@Suite struct XMLSchemaValidationTests {
    static let schema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="dan_cu">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="cong_dan" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="ho_ten" type="xs:string"/>
                      <xs:element name="ngay_sinh" type="xs:date"/>
                    </xs:sequence>
                    <xs:attribute name="ma" type="xs:string" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    /// With the validator plugged in, the parser's own errors still fail the file: a document cut short or broken
    /// between two records must not pass for a shorter valid one.
    @Test(arguments: [
        ("  <cong_dan ma=\"2\"><ho_ten>B</ho_ten><ngay_sinh>1990-01-02</ngay_sinh></cong_dan>\n  </dan_cu_sai>\n", "xml.tag_mismatch", 4),
        ("  <cong_dan ma=\"2\"><ho_ten>B</ho_ten><ngay_sinh>1990-01-02</ngay_sinh></cong_dan>\n  <", "xml.not_well_formed", 4),
        ("  <cong_dan ma=\"2\"><ho_ten>B</ho_ten><ngay_sinh>1990-01-02</ngay_sinh></cong_dan>\n  &bad;\n</dan_cu>\n", "xml.entity", 4),
    ])
    func notWellFormedInputFailsTheFileWithTheValidatorOn(tail: String, rule: String, line: Int) throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("dan_cu.xsd", Self.schema)
        let head = "<dan_cu>\n  <cong_dan ma=\"1\"><ho_ten>A</ho_ten><ngay_sinh>1990-01-02</ngay_sinh></cong_dan>\n"
        let path = try dir.write("d.xml", head + tail)
        do {
            let result = try Decoded.file(path, DecodeOptions(format: .xml, recordPath: "cong_dan", xmlSchemaPath: schema))
            Issue.record("passed as \(result.records.count) records")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.rule == rule && diagnostic.location.line == line, "\(diagnostic)")
        }
    }

    @Test func aRecordWithViolationsIsARecordErrorWithEveryReasonAndTheRestGoesOn() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("dan_cu.xsd", Self.schema)
        let path = try dir.write("d.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <dan_cu>
              <cong_dan ma="1"><ho_ten>Nguyễn Văn An</ho_ten><ngay_sinh>1990-01-02</ngay_sinh></cong_dan>
              <cong_dan>
                <ho_ten>Lê Thị Bình</ho_ten>
                <ngay_sinh>02/01/1990</ngay_sinh>
              </cong_dan>
              <cong_dan ma="3"><ho_ten>Trần Cường</ho_ten><ngay_sinh>1985-12-31</ngay_sinh></cong_dan>
            </dan_cu>
            """)
        let result = try Decoded.file(path, DecodeOptions(format: .xml, recordPath: "cong_dan", xmlSchemaPath: schema))
        #expect(result.summary?.records == 3)
        #expect(result.summary?.recordErrors == 1)
        #expect(result.records.map(\.location.pointer) == ["/dan_cu/cong_dan[1]", "/dan_cu/cong_dan[3]"])
        let rejected = try #require(result.errors.first)
        #expect(rejected.location.pointer == "/dan_cu/cong_dan[2]")
        #expect(rejected.location.line == 4)
        #expect(rejected.reasons.count == 2)
        #expect(rejected.reasons.allSatisfy { $0.rule == "xml.schema_violation" })
        #expect(rejected.reasons.contains { $0.message.contains("line 4") && $0.message.contains("ma") })
        #expect(rejected.reasons.contains { $0.message.contains("line 6") && $0.message.contains("ngay_sinh") })
        #expect(rejected.rawText.hasPrefix("<cong_dan>"))
    }

    @Test func aMissingChildReportedAtTheRecordsEndTagStaysWithThatRecord() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("dan_cu.xsd", Self.schema)
        let path = try dir.write("d.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <dan_cu>
              <cong_dan ma="1"><ho_ten>Nguyễn Văn An</ho_ten>
              </cong_dan>
              <cong_dan ma="2"><ho_ten>Lê Bình</ho_ten><ngay_sinh>1990-01-02</ngay_sinh></cong_dan>
            </dan_cu>
            """)
        let result = try Decoded.file(path, DecodeOptions(format: .xml, recordPath: "cong_dan", xmlSchemaPath: schema))
        #expect(result.summary?.records == 2)
        #expect(result.records.map(\.location.pointer) == ["/dan_cu/cong_dan[2]"])
        let rejected = try #require(result.errors.first)
        #expect(rejected.location.pointer == "/dan_cu/cong_dan[1]")
        #expect(rejected.reasons.count == 1)
        #expect(rejected.reasons.allSatisfy { $0.rule == "xml.schema_violation" && $0.message.contains("line 4") })
    }

    @Test func violationsOutsideRecordsFailTheFileWithTheirLines() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("dan_cu.xsd", Self.schema)
        let path = try dir.write("d.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <ho_gia_dinh>
              <cong_dan ma="1"><ho_ten>An</ho_ten><ngay_sinh>1990-01-02</ngay_sinh></cong_dan>
            </ho_gia_dinh>
            """)
        #expect {
            _ = try Decoded.file(path, DecodeOptions(format: .xml, recordPath: "cong_dan", xmlSchemaPath: schema))
        } throws: { error in
            guard let list = error as? DiagnosticList, let first = list.diagnostics.first else { return false }
            return first.rule == "xml.schema_violation" && first.location.line == 2 && first.message.contains("ho_gia_dinh")
        }
    }

    @Test func aBrokenSchemaIsReportedBeforeAnyRecord() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("bad.xsd", """
            <?xml version="1.0"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="a" type="xs:nosuchtype"/>
            </xs:schema>
            """)
        let path = try dir.write("d.xml", "<a>1</a>")
        var emitted = 0
        #expect {
            _ = try RecordDecoder.decodeFile(
                path: path, options: DecodeOptions(format: .xml, xmlSchemaPath: schema),
                onRecord: { _ in emitted += 1 }, onRecordError: { _ in emitted += 1 })
        } throws: { error in
            guard let list = error as? DiagnosticList, let first = list.diagnostics.first else { return false }
            return first.rule == "xml.schema_invalid" && first.location.file == schema && first.location.line == 3
        }
        #expect(emitted == 0)
    }

    @Test func aMissingSchemaFileIsAClearError() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("d.xml", "<a>1</a>")
        #expect(throws: (any Error).self) {
            _ = try Decoded.file(path, DecodeOptions(format: .xml, xmlSchemaPath: dir.url.path + "/none.xsd"))
        }
    }
}
