import Domain
import Foundation
import Testing
import TextEncodings
@testable import Decoding

@Suite struct CSVDecodingTests {
    @Test func headerQuotesNewlinesAndPositions() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("dan_cu.csv", """
            so_cccd,ho_ten,dia_chi
            001085012345,Nguyễn Văn An,"số 7, đường Trần Hưng Đạo"
            079090001122,"Lê ""Tám"" Văn","dòng 1
            dòng 2"
            048201000033,Huỳnh Thị Mỹ Duyên,Đà Nẵng

            """)
        let result = try Decoded.file(path, DecodeOptions(format: .csv))
        #expect(result.summary == DecodeSummary(records: 3, recordErrors: 0, bytes: 195, encoding: .utf8))
        #expect(result.records.map(\.location.line) == [2, 3, 5])
        #expect(result.records.map(\.location.column) == [1, 1, 1])
        #expect(result.records.map(\.location.byteOffset) == [23, 93, 144])
        #expect(result.records.map(\.location.pointer) == ["/0", "/1", "/2"])
        #expect(result.records[0].fields == .object([
            (key: "so_cccd", value: .text("001085012345")), (key: "ho_ten", value: .text("Nguyễn Văn An")),
            (key: "dia_chi", value: .text("số 7, đường Trần Hưng Đạo")),
        ]))
        #expect(result.records[1].fields["ho_ten"] == .text("Lê \"Tám\" Văn"))
        #expect(result.records[1].fields["dia_chi"] == .text("dòng 1\ndòng 2"))
        #expect(result.records[2].rawText == "048201000033,Huỳnh Thị Mỹ Duyên,Đà Nẵng")
    }

    @Test func anUndecodableLegacyFieldQuarantinesItsRecordOnlyButAnUndecodableHeaderFailsTheFile() throws {
        let dir = try TemporaryDirectory()
        // Windows-1258 leaves 0x81 undefined; "Bi\xCCnh" is "Bình" (0xCC is the combining grave accent).
        let path = try dir.write("cp1258.csv", Array("id,ten\n1,Bi".utf8) + [0xCC] + Array("nh\n2,ab".utf8) + [0x81] + Array("c\n3,An\n".utf8))
        let result = try Decoded.file(path, DecodeOptions(format: .csv, encoding: .windows1258))
        #expect(result.summary?.records == 3 && result.summary?.recordErrors == 1)
        #expect(result.records.map { $0.fields["ten"] } == [.text("Bình"), .text("An")])
        let error = try #require(result.errors.first)
        #expect(error.location.line == 3 && error.reasons.map(\.rule) == ["encoding.undefined_byte"])
        #expect(error.reasons.first?.message.hasPrefix("column 2 at 3:5:") == true, "\(error.reasons)")

        let header = try dir.write("header.csv", Array("id,t".utf8) + [0x81] + Array("n\n1,a\n".utf8))
        #expect(throws: Diagnostic.self) { try Decoded.file(header, DecodeOptions(format: .csv, encoding: .windows1258)) }
    }

    @Test func headerAliasesNameColumnsAsTheMappingDoes() throws {
        let dir = try TemporaryDirectory()
        var options = DecodeOptions(format: .csv)
        options.csvColumnAliases = ["Họ và tên": "ho_ten", "HOTEN": "ho_ten", "Mã": "id"]
        let path = try dir.write("a.csv", "MÃ,  họ VÀ   tên ,ghi_chu\n1,An,x\n")
        let result = try Decoded.file(path, options)
        #expect(result.records.first?.fields == .object([
            (key: "id", value: .text("1")), (key: "ho_ten", value: .text("An")), (key: "ghi_chu", value: .text("x")),
        ]))
        // A header naming one column twice, by its name and an alias: the file is refused, not one value dropped.
        let twice = try dir.write("b.csv", "ho_ten,hoten\nAn,Bình\n")
        #expect(throws: Diagnostic.self) { try Decoded.file(twice, options) }
    }

    /// A household register as a commune's old software exports it — a few hundred rows of names, dates,
    /// relations and addresses — written in each legacy encoding to a file and read with `auto`.
    @Test(arguments: [TextEncoding.tcvn3, .windows1258, .vni])
    func aRealisticLegacyRegisterIsDetectedAndReadWhole(encoding: TextEncoding) throws {
        let names = ["Nguyễn Văn Hùng", "Trần Thị Thu Hằng", "Lê Đức Thọ", "Phạm Ngọc Ánh", "Huỳnh Tấn Phát", "Đặng Thùy Trâm"]
        let relations = ["Chủ hộ", "Vợ", "Con", "Cháu", "Mẹ", "Em"]
        let places = ["Thôn Đông, xã Nghĩa Hòa", "Số 5 ngõ 12 phố Huế, phường Hàng Bài", "Ấp Mỹ Lợi, xã Tân Phước", "Khu phố 4, thị trấn Ea Kar"]
        var text = "so_ho_khau;stt;ho_ten;ngay_sinh;quan_he_chu_ho;dia_chi\n"
        for k in 0..<400 {
            text += "SHK\(k / 4);\(k % 4 + 1);\(names[k % 6]);\(k % 28 + 1)/\(k % 12 + 1)/19\(50 + k % 50);\(relations[k % 6]);\(places[k % 4])\n"
        }
        let dir = try TemporaryDirectory()
        let path = try dir.write("ho_khau.csv", try #require(VietnameseCodec.encode(text, as: encoding)))
        let result = try Decoded.file(path, DecodeOptions(format: .csv))
        #expect(result.summary?.encoding == encoding && result.summary?.records == 400 && result.errors.isEmpty)
        for (k, record) in result.records.enumerated() where k % 37 == 0 {
            #expect(record.fields["ho_ten"] == .text(names[k % 6]) && record.fields["dia_chi"] == .text(places[k % 4]), "row \(k)")
            #expect(record.fields["quan_he_chu_ho"] == .text(relations[k % 6]))
        }
    }

    @Test func sniffsSemicolonStripsBOMAndHandlesCRLF() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("x.csv", [0xEF, 0xBB, 0xBF] + Array("id;ten\r\n1;\"a;b\"\r\n2;Bình\r\n".utf8))
        let result = try Decoded.file(path, DecodeOptions(format: .csv))
        #expect(result.records.count == 2)
        #expect(result.records[0].fields == .object([(key: "id", value: .text("1")), (key: "ten", value: .text("a;b"))]))
        #expect(result.records[1].location.line == 3)
        #expect(result.records[1].rawText == "2;Bình")
    }

    @Test(arguments: [TextEncoding.tcvn3, .windows1258, .vni])
    func legacyEncodingsAreDetectedAndDecodedPerField(_ encoding: TextEncoding) throws {
        let text = "so_cccd|ho_ten|que_quan\n001085012345|ỨNG THỊ ÚT|Hà Nội\n079090001122|Đặng Ngọc Ơn|Đắk Lắk\n"
        let bytes = try #require(VietnameseCodec.encode(text, as: encoding))
        let dir = try TemporaryDirectory()
        let result = try Decoded.file(try dir.write("legacy.csv", bytes), DecodeOptions(format: .csv))
        #expect(result.summary?.encoding == encoding)
        #expect(result.records.map { $0.fields["ho_ten"] } == [.text("ỨNG THỊ ÚT"), .text("Đặng Ngọc Ơn")])
        #expect(result.records[1].fields["que_quan"] == .text("Đắk Lắk"))
        #expect(result.records[0].rawText == "001085012345|ỨNG THỊ ÚT|Hà Nội")
    }

    @Test func raggedRowIsQuarantinedAndTheRestGoesOn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n")
        let result = try Decoded.file(path, DecodeOptions(format: .csv))
        #expect(result.records.count == 2)
        #expect(result.errors.count == 1)
        #expect(result.errors[0].location.line == 3)
        #expect(result.errors[0].rawText == "4,5")
        #expect(result.errors[0].reasons == [Finding(rule: "csv.ragged_row", severity: .error, message: "expected 3 fields, found 2")])
    }

    @Test func headerlessRowsAreLists() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("h.csv", "1,An\n2,Bình\n")
        let result = try Decoded.file(path, DecodeOptions(format: .csv, csvHeader: false))
        #expect(result.records.map(\.fields) == [.list([.text("1"), .text("An")]), .list([.text("2"), .text("Bình")])])
    }

    @Test func nfdInputBecomesNFC() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("n.csv", "ten\n" + "Nguyễn".decomposedStringWithCanonicalMapping + "\n")
        let result = try Decoded.file(path, DecodeOptions(format: .csv))
        guard case .text(let name)? = result.records.first?.fields["ten"] else { Issue.record("no record"); return }
        #expect(Array(name.unicodeScalars.map(\.value)) == [0x4E, 0x67, 0x75, 0x79, 0x1EC5, 0x6E])
    }

    @Test func manyChunksKeepLinesAndCounts() throws {
        // ~3.5 MB: several 1 MiB refills, rows and a quoted multi-line field straddle chunk boundaries.
        var text = "id,ten,ghi_chu\n"
        for k in 0..<60_000 { text += "\(k),Nguyễn Văn \(k),\"dòng a\ndòng b \(k)\"\n" }
        let dir = try TemporaryDirectory()
        var count = 0
        var lastLine = 0
        var last: RawNode?
        let summary = try RecordDecoder.decodeFile(
            path: try dir.write("big.csv", text), options: DecodeOptions(format: .csv),
            onRecord: { count += 1; lastLine = $0.location.line ?? 0; last = $0.fields }, onRecordError: { _ in Issue.record("unexpected") })
        #expect(count == 60_000 && summary.records == 60_000)
        #expect(lastLine == 2 + 59_999 * 2)
        #expect(last?["ghi_chu"] == .text("dòng a\ndòng b 59999"))
        #expect(summary.bytes == text.utf8.count)
    }

    @Test func tenMegabyteLine() throws {
        let dir = try TemporaryDirectory()
        let big = String(repeating: "x", count: 10 << 20)
        let path = try dir.write("long.csv", "id,blob\n1,\(big)\n2,y\n")
        let result = try Decoded.file(path, DecodeOptions(format: .csv))
        #expect(result.records.count == 2)
        #expect(result.records[0].fields["blob"]?.text?.utf8.count == 10 << 20)
        #expect(result.records[0].rawText.utf8.count <= 4096 + 3)
        #expect(result.records[1].location.line == 3)
        #expect(result.records[1].location.byteOffset == 8 + 2 + (10 << 20) + 1)
        #expect(throws: Diagnostic(location: SourceLocation(file: path, line: 2, column: 1, byteOffset: 8), rule: "record.too_large", message: "a CSV row is larger than 1048576 bytes")) {
            _ = try Decoded.file(path, DecodeOptions(format: .csv, maxRecordBytes: 1 << 20))
        }
    }

    @Test func decodeFromMemoryMatchesFile() throws {
        var names: [String] = []
        let summary = try RecordDecoder.decode(
            bytes: Array("ten\tnam\nAn\t1990\nBình\t1991\n".utf8), name: "mem.tsv", options: DecodeOptions(format: .csv),
            onRecord: { names.append($0.fields["ten"]?.text ?? "") }, onRecordError: { _ in })
        #expect(names == ["An", "Bình"])
        #expect(summary.records == 2)
    }
}
