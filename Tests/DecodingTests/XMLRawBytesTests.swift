import Domain
import Foundation
import Testing
@testable import Decoding

/// XML records' raw bytes: the exact source text for UTF-8 input (also across the parser's reads of `XMLRecordReader.chunkSize` and for
/// records far longer than a read), re-serialised text when libxml2 transcodes the input.
@Suite struct XMLRawBytesTests {
    private func decode(_ bytes: [UInt8], options: DecodeOptions = DecodeOptions(format: .xml)) throws -> Decoded {
        let dir = try TemporaryDirectory()
        return try Decoded.file(try dir.write("raw.xml", bytes), options)
    }

    /// Records of many shapes and lengths; each is its own exact text.
    private static func record(_ k: Int) -> String {
        let pad = String(repeating: "ễ", count: k % 97)
        switch k % 6 {
        case 0: return "<r id=\"\(k)\"><t>Nguyễn \(k)</t><u>\(pad)</u></r>"
        case 1: return "<r  id = '\(k)' b=\"&quot;&lt;\" ><t><![CDATA[<\(k)>]]></t><!-- c \(k) --></r>"
        case 2: return "<r>\r\n  <t>\(k) &amp; &#233;&#x1EC5;</t>\r\n  <t>\(pad)</t>\r\n</r>"
        case 3: return "<r id=\"\(k)\"/>"
        case 4: return "<p:r xmlns:p=\"urn:p\" p:a=\"\(k)\"><p:t>\(pad)</p:t></p:r >"
        default: return "<r><t/><u></u>\(pad)\(k)</r>"
        }
    }

    @Test func rawBytesAreTheExactSourceAcrossReads() throws {
        var records: [String] = []
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ds>\n"
        var k = 0
        while xml.utf8.count < 3 * XMLRecordReader.chunkSize + 1000 {
            let text = Self.record(k)
            records.append(text)
            xml += text + (k % 2 == 0 ? "\n" : "")
            k += 1
        }
        xml += "</ds>\n"
        let result = try decode(Array(xml.utf8))
        #expect(result.records.count == records.count)
        let mismatches = zip(result.records, records).filter { $0.0.rawBytes != Array($0.1.utf8) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3).map { ($0.0.rawText, $0.1) })")
    }

    @Test func aRecordLongerThanAReadIsCappedAndTheNextIsExact() throws {
        let long = "<r><t>" + String(repeating: "ễ", count: XMLRecordReader.chunkSize) + "</t></r>"  // 3 reads long
        let xml = "<ds>\n<r a=\"1\"/>\n" + long + "\n<r b='2'>z</r>\n</ds>\n"
        let result = try decode(Array(xml.utf8))
        #expect(result.records.map(\.rawText).first == "<r a=\"1\"/>")
        #expect(result.records.map(\.rawText).last == "<r b='2'>z</r>")
        let capped = result.records[1].rawText
        #expect(capped.hasPrefix("<r><t>ễễ") && capped.hasSuffix("ễ…"))
        #expect(capped.utf8.count == 6 + 4090 / 3 * 3 + 3)  // whole letters within 4096 bytes, then "…"
    }

    @Test func aStartTagLongerThanAReadKeepsItsRecordsExactText() throws {
        let value = String(repeating: "ab", count: XMLRecordReader.chunkSize)  // the start tag spans three reads
        let tagged = "<r note=\"\(value)\" id=\"2\">x</r>"
        let xml = "<ds>\n<r id=\"1\">w</r>\n" + tagged + "\n<r id=\"3\">y</r>\n</ds>\n"
        let result = try decode(Array(xml.utf8))
        #expect(result.records.count == 3)
        #expect(result.records.first?.rawText == "<r id=\"1\">w</r>" && result.records.last?.rawText == "<r id=\"3\">y</r>")
        let long = result.records[1].rawText
        #expect(long.hasPrefix("<r note=\"abab") && long.hasSuffix("…"), "capped at the raw-text limit, from the tag's first byte")
        #expect(result.records[1].fields["@note"] == .text(value) && result.records[1].fields["@id"] == .text("2"))
    }

    @Test func aByteOrderMarkDoesNotShiftRecords() throws {
        let result = try decode([0xEF, 0xBB, 0xBF] + Array("<ds><r a='ễ'>1</r><r>2</r></ds>".utf8))
        #expect(result.records.map(\.rawText) == ["<r a='ễ'>1</r>", "<r>2</r>"])
    }

    @Test func schemaRejectedRecordsCarryTheirSourceText() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.xsd", XMLSchemaValidationTests.schema)
        let xml = "<dan_cu>\n  <cong_dan ma='1'><ho_ten>An</ho_ten><ngay_sinh>x</ngay_sinh></cong_dan>\n</dan_cu>\n"
        let result = try Decoded.file(try dir.write("d.xml", xml), DecodeOptions(format: .xml, xmlSchemaPath: schema))
        #expect(result.errors.map(\.rawText) == ["<cong_dan ma='1'><ho_ten>An</ho_ten><ngay_sinh>x</ngay_sinh></cong_dan>"])
    }

    @Test func transcodedInputIsReserialised() throws {
        let xml = "<ds><r a='Đ'><![CDATA[<x>]]></r></ds>"
        let utf16 = [UInt8]([0xFF, 0xFE]) + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try decode(utf16).records.map(\.rawText) == ["<r a=\"Đ\">&lt;x&gt;</r>"])
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><ds><r a='x'>caf".utf8) + [0xE9] + Array("</r></ds>".utf8)
        #expect(try decode(latin1).records.map(\.rawText) == ["<r a=\"x\">café</r>"])
    }
}
