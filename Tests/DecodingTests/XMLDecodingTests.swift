import Domain
import Foundation
import Testing
@testable import Decoding

@Suite struct XMLDecodingTests {
    static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dan_cu xmlns:x="urn:x">
          <cong_dan so_cccd="001085012345">
            <ho_ten>Nguyễn Văn An</ho_ten>
            <dia_chi><tinh>Hà Nội</tinh><xa>Phúc Xá</xa></dia_chi>
            <dien_thoai>0912345678</dien_thoai>
            <dien_thoai>0987654321</dien_thoai>
          </cong_dan>
          <ghi_chu>not a record when recordPath names cong_dan</ghi_chu>
          <cong_dan so_cccd="079090001122"><x:ho_ten><![CDATA[Lê <Tám>]]></x:ho_ten>text &amp; more</cong_dan>
        </dan_cu>
        """

    @Test func recordsByNameWithPointersAndLines() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("d.xml", Self.document)
        let result = try Decoded.file(path, DecodeOptions(format: .xml, recordPath: "cong_dan"))
        #expect(result.summary?.records == 2)
        #expect(result.records.map(\.location.line) == [3, 10])
        #expect(result.records.map(\.location.pointer) == ["/dan_cu/cong_dan[1]", "/dan_cu/cong_dan[2]"])
        #expect(result.records[0].fields == .object([
            (key: "@so_cccd", value: .text("001085012345")),
            (key: "ho_ten", value: .text("Nguyễn Văn An")),
            (key: "dia_chi", value: .object([(key: "tinh", value: .text("Hà Nội")), (key: "xa", value: .text("Phúc Xá"))])),
            (key: "dien_thoai", value: .list([.text("0912345678"), .text("0987654321")])),
        ]))
        #expect(result.records[1].fields == .object([
            (key: "@so_cccd", value: .text("079090001122")), (key: "x:ho_ten", value: .text("Lê <Tám>")), (key: "#text", value: .text("text & more")),
        ]))
        #expect(result.records[1].rawText.hasPrefix("<cong_dan so_cccd=\"079090001122\">"))
    }

    @Test func defaultRecordsAreRootChildrenAndPathsWork() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("d.xml", Self.document)
        let all = try Decoded.file(path, DecodeOptions(format: .xml))
        #expect(all.records.map(\.location.pointer) == ["/dan_cu/cong_dan[1]", "/dan_cu/ghi_chu[1]", "/dan_cu/cong_dan[2]"])
        #expect(all.records[1].fields == .text("not a record when recordPath names cong_dan"))
        let byPath = try Decoded.file(path, DecodeOptions(format: .xml, recordPath: "/dan_cu/cong_dan/dia_chi"))
        #expect(byPath.records.map(\.location.pointer) == ["/dan_cu/cong_dan/dia_chi[1]"])
    }

    @Test func notWellFormedNamesLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.xml", "<d>\n  <r>\n    <a>1</b>\n  </r>\n</d>\n")
        var emitted = 0
        do {
            _ = try RecordDecoder.decodeFile(path: path, options: DecodeOptions(format: .xml), onRecord: { _ in emitted += 1 }, onRecordError: { _ in })
            Issue.record("expected a diagnostic")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.rule == "xml.tag_mismatch")
            #expect(diagnostic.location.line == 3)
            #expect(diagnostic.location.column == 13)  // libxml2 reports the position after `</b>`
            #expect(diagnostic.message.contains("mismatch"))
        }
        #expect(emitted == 0)
    }

    @Test func fromMemoryAndManyRecords() throws {
        var xml = "<ds>\n"
        for k in 0..<20_000 { xml += "<r id=\"\(k)\"><ten>Phạm \(k)</ten><nam>19\(k % 100)</nam></r>\n" }
        xml += "</ds>\n"
        var last: RawRecord?
        var count = 0
        let summary = try RecordDecoder.decode(
            bytes: Array(xml.utf8), name: "mem.xml", options: DecodeOptions(format: .xml),
            onRecord: { last = $0; count += 1 }, onRecordError: { _ in })
        #expect(count == 20_000 && summary.records == 20_000)
        #expect(last?.location.line == 20_001)
        #expect(last?.location.pointer == "/ds/r[20000]")
        #expect(last?.fields["ten"] == .text("Phạm 19999"))
    }
}
