import Domain
import Foundation
import Testing
import TextEncodings

@testable import Decoding

/// Legacy-encoded XML: VNI (which libxml2 cannot read) and undeclared TCVN3, Windows-1258 or VNI files (`auto`) are
/// transcoded to UTF-8 before the parser; forced TCVN3 and Windows-1258 go through libxml2's own converters. Every
/// record reads as the Unicode it was written from, with the file's line numbers.
@Suite struct XMLLegacyEncodingTests {
    static let people = [
        ("Nguyễn Thị Ánh Tuyết", "Số 12 đường Lê Lợi, phường Bến Nghé"), ("Trần Đức Thắng", "Thôn Phú Xuân, xã Hòa Bình"),
        ("Lê Hoàng Yến", "Ấp 3, xã Tân Thạnh Đông"), ("Phạm Quốc Việt", "Tổ 5, phường Quang Trung"),
        ("Huỳnh Ngọc Hưởng", "Khu phố 2, thị trấn Củ Chi"), ("Võ Thị Mỹ Duyên", "Số 7 Trần Hưng Đạo, phường Cửa Nam"),
    ]

    /// `count` records (name and address), with a line per element, so records cross the transcoder's reads.
    static func document(_ count: Int, declaration: String = "<?xml version=\"1.0\"?>") -> String {
        var xml = declaration + "\n<dan_cu>\n"
        for k in 0..<count {
            let (name, address) = people[k % people.count]
            xml += "  <cong_dan ma=\"DC\(k)\">\n    <ho_ten>\(name)</ho_ten>\n    <dia_chi>\(address)</dia_chi>\n  </cong_dan>\n"
        }
        return xml + "</dan_cu>\n"
    }

    static func decode(_ bytes: [UInt8], _ encoding: TextEncoding?) throws -> Decoded {
        var result = Decoded()
        result.summary = try RecordDecoder.decode(
            bytes: bytes, name: "legacy.xml", options: DecodeOptions(format: .xml, encoding: encoding, recordPath: "cong_dan"),
            onRecord: { result.records.append($0) }, onRecordError: { result.errors.append($0) })
        return result
    }

    static func expectEveryRecord(_ result: Decoded, count: Int) {
        #expect(result.records.count == count && result.errors.isEmpty)
        for (k, record) in result.records.enumerated() {
            let (name, address) = people[k % people.count]
            #expect(record.fields["ho_ten"] == .text(name) && record.fields["dia_chi"] == .text(address), "record \(k): \(record.fields)")
            #expect(record.location.line == 3 + 4 * k)
        }
    }

    @Test(arguments: [TextEncoding.vni, .tcvn3, .windows1258])
    func aForcedLegacyEncodingReadsEveryRecord(encoding: TextEncoding) throws {
        let count = 2_000  // far more than one 64 KiB read of the transcoder
        let bytes = try #require(VietnameseCodec.encode(Self.document(count), as: encoding))
        let result = try Self.decode(bytes, encoding)
        Self.expectEveryRecord(result, count: count)
        #expect(result.summary?.encoding == encoding)
    }

    @Test(arguments: [TextEncoding.vni, .tcvn3, .windows1258])
    func anUndeclaredLegacyFileIsDetected(encoding: TextEncoding) throws {
        let bytes = try #require(VietnameseCodec.encode(Self.document(300), as: encoding))
        let result = try Self.decode(bytes, nil)
        #expect(result.summary?.encoding == encoding)
        Self.expectEveryRecord(result, count: 300)
    }

    /// A source that hands over 1 to 3 bytes at a time: every VNI letter pair and Windows-1258 tone meets a read edge.
    final class DribblingSource: ByteSource {
        private let bytes: [UInt8]
        private var position = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let n = min(buffer.count, bytes.count - position, 1 + position % 3)
            guard n > 0 else { return 0 }
            for k in 0..<n { buffer[k] = bytes[position + k] }
            position += n
            return n
        }
    }

    @Test(arguments: [TextEncoding.vni, .windows1258, .tcvn3])
    func theTranscoderNeverSplitsALetterAcrossReads(encoding: TextEncoding) throws {
        let text = Self.document(40)
        let source = LegacyToUTF8Source(DribblingSource(try #require(VietnameseCodec.encode(text, as: encoding))), encoding: encoding, name: "x")
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 5)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        #expect(UnicodeNFC.normalize(String(decoding: out, as: UTF8.self)) == text)
    }

    /// Our transcoder hands libxml2 UTF-8: a record's raw text is its own text (quotes, spacing, comments), in Unicode.
    @Test func aTranscodedRecordKeepsItsExactText() throws {
        let record = "<cong_dan ma='DC1'  ><ho_ten>Trần Đức Thắng</ho_ten><!-- ghi chú --></cong_dan>"
        let bytes = try #require(VietnameseCodec.encode("<?xml version=\"1.0\"?>\n<dan_cu>\n  \(record)\n</dan_cu>\n", as: .vni))
        let result = try Self.decode(bytes, .vni)
        #expect(result.records.map(\.rawText) == [record])
    }

    @Test func aForcedEncodingOverridesTheDeclaration() throws {
        for declared in ["windows-1258", "VNI", "ISO-8859-1"] {
            let bytes = try #require(VietnameseCodec.encode(Self.document(30, declaration: "<?xml version=\"1.0\" encoding=\"\(declared)\"?>"), as: .vni))
            Self.expectEveryRecord(try Self.decode(bytes, .vni), count: 30)
        }
        let tcvn3 = try #require(VietnameseCodec.encode(Self.document(30, declaration: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), as: .tcvn3))
        Self.expectEveryRecord(try Self.decode(tcvn3, .tcvn3), count: 30)
    }

    @Test func utf16WithoutAByteOrderMarkIsLeftToLibxml2() throws {
        var bytes: [UInt8] = []
        for unit in Self.document(10).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }  // UTF-16LE, no BOM
        let result = try Self.decode(bytes, nil)
        Self.expectEveryRecord(result, count: 10)
    }

    @Test func aDeclarationIsTheFilesWordAndUTF8StaysUTF8() throws {
        // Declared UTF-8 but written in TCVN3: not second-guessed, the file fails.
        let declared = try #require(VietnameseCodec.encode(Self.document(20, declaration: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), as: .tcvn3))
        #expect(throws: Diagnostic.self) { try Self.decode(declared, nil) }
        let utf8 = try Self.decode(Array(Self.document(20).utf8), nil)
        #expect(utf8.summary?.encoding == .utf8)
        Self.expectEveryRecord(utf8, count: 20)
    }

    @Test func aByteVNILeavesUndefinedFailsTheFileAtItsLine() throws {
        var bytes = try #require(VietnameseCodec.encode(Self.document(3), as: .vni))
        let thirdLine = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        bytes.insert(0x81, at: thirdLine + 2)  // "  \u{81}<cong_dan …" on line 3
        do {
            _ = try Self.decode(bytes, .vni)
            Issue.record("an undefined byte was accepted")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.rule == "encoding.undefined_byte" && diagnostic.location.line == 3 && diagnostic.location.column == 3, "\(diagnostic)")
        }
    }
}
