import Domain
import Foundation
import Testing
import TextEncodings
@testable import Decoding

@Suite struct JSONDecodingTests {
    @Test func anUndecodableLegacyStringQuarantinesItsRecordOnly() throws {
        let dir = try TemporaryDirectory()
        // Windows-1258 leaves 0x81 undefined: the second record's name cannot be read, the others can.
        let bytes = Array("[\n{\"ten\": \"An\"},\n{\"ten\": \"B".utf8) + [0x81] + Array("nh\"},\n{\"ten\": \"Chi\"}\n]\n".utf8)
        let path = try dir.write("cp1258.json", bytes)
        let result = try Decoded.file(path, DecodeOptions(format: .json, encoding: .windows1258))
        #expect(result.summary?.records == 3 && result.summary?.recordErrors == 1)
        #expect(result.records.map { $0.fields["ten"] } == [.text("An"), .text("Chi")])
        let error = try #require(result.errors.first)
        #expect(error.location.line == 3 && error.reasons.map(\.rule) == ["encoding.undefined_byte"])
        #expect(error.reasons.first?.message.hasPrefix("a string at 3:11:") == true, "\(error.reasons)")
        // Two damaged keys in one record stay two keys: the record is quarantined with both, the file goes on.
        let keys = Array("[{\"a".utf8) + [0x81] + Array("\": 1, \"b".utf8) + [0x81] + Array("\": 2}, {\"ok\": 3}]".utf8)
        let twoKeys = try Decoded.file(try dir.write("keys.json", keys), DecodeOptions(format: .json, encoding: .windows1258))
        #expect(twoKeys.errors.first?.reasons.count == 2 && twoKeys.records.count == 1)
        // A string of twenty thousand undefined bytes is still one damaged record, with a few of its places.
        let many = Array("[{\"a\": \"".utf8) + [UInt8](repeating: 0x81, count: 20_000) + Array("\"}, {\"b\": 1}]".utf8)
        let damaged = try Decoded.file(try dir.write("many.json", many), DecodeOptions(format: .json, encoding: .windows1258))
        #expect(damaged.errors.count == 1 && damaged.errors.first?.reasons.count == 10 && damaged.records.count == 1)
        // Outside any record there is no record to quarantine: the file fails.
        let outside = Array("{\"x".utf8) + [0x81] + Array("\": 1, \"data\": [{\"a\": 1}]}".utf8)
        var pointed = DecodeOptions(format: .json, encoding: .windows1258)
        pointed.recordPath = "/data"
        #expect(throws: Diagnostic.self) { try Decoded.file(try dir.write("outside.json", outside), pointed) }
        // Invalid UTF-8 is the file's problem: the declared encoding is wrong for all of it.
        let utf8 = try dir.write("bad.json", Array("[{\"a\": \"x".utf8) + [0xC3, 0x28] + Array("\"}]".utf8))
        #expect(throws: Diagnostic.self) { try Decoded.file(utf8, DecodeOptions(format: .json, encoding: .utf8)) }
    }

    @Test func topLevelArrayWithPositionsAndSpellings() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("a.json", """
            [
              {"so_cccd": "001085012345", "ho_ten": "Nguy\\u1ec5n V\\u0103n An", "tuoi": 40, "diem": -1.50e+2,
               "song": true, "ghi_chu": null, "emoji": "\\ud83d\\ude00", "ds": [1, "x", {"k": false}]},
              {"ho_ten": "Lê Thị \\"Bé\\"\\n", "nested": {"a": {}}}
            ]
            """)
        let result = try Decoded.file(path, DecodeOptions(format: .json))
        #expect(result.records.count == 2)
        #expect(result.records.map(\.location.line) == [2, 4])
        #expect(result.records.map(\.location.column) == [3, 3])
        #expect(result.records.map(\.location.byteOffset) == [4, 191])
        #expect(result.records.map(\.location.pointer) == ["/0", "/1"])
        let first = result.records[0].fields
        #expect(first["ho_ten"] == .text("Nguyễn Văn An"))
        #expect(first["tuoi"] == .text("40"))
        #expect(first["diem"] == .text("-1.50e+2"))
        #expect(first["song"] == .text("true"))
        #expect(first["ghi_chu"] == .null)
        #expect(first["emoji"] == .text("😀"))
        #expect(first["ds"] == .list([.text("1"), .text("x"), .object([(key: "k", value: .text("false"))])]))
        #expect(result.records[1].fields["ho_ten"] == .text("Lê Thị \"Bé\"\n"))
        #expect(result.records[1].rawText == #"{"ho_ten": "Lê Thị \"Bé\"\n", "nested": {"a": {}}}"#)
    }

    @Test func jsonLinesAndRecordPointer() throws {
        let dir = try TemporaryDirectory()
        let lines = try Decoded.file(try dir.write("l.jsonl", "{\"a\":1}\n\n{\"a\":2}\n"), DecodeOptions(format: .json))
        #expect(lines.records.map(\.location.line) == [1, 3])
        #expect(lines.records.map(\.location.pointer) == ["/0", "/1"])
        let nested = try Decoded.file(
            try dir.write("p.json", "{\"meta\": {\"n\": [1,2]},\n \"data\": {\"items\": [\n  {\"a\": 1},\n  {\"a\": 2}]}}"),
            DecodeOptions(format: .json, recordPath: "/data/items"))
        #expect(nested.records.map(\.location.pointer) == ["/data/items/0", "/data/items/1"])
        #expect(nested.records.map(\.location.line) == [3, 4])
        #expect(nested.records[1].fields == .object([(key: "a", value: .text("2"))]))
    }

    @Test func duplicateKeyNamesTheSecondKey() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("d.json", "[{\"a\": 1},\n {\"b\": 1,\n  \"b\": 2}]")
        let diagnostic = #expect(throws: Diagnostic.self) { _ = try Decoded.file(path, DecodeOptions(format: .json)) }
        #expect(diagnostic?.rule == "json.duplicate_key")
        #expect(diagnostic?.message == "duplicate key 'b'")
        #expect(diagnostic?.location.line == 3)
        #expect(diagnostic?.location.column == 3)
        #expect(diagnostic?.location.byteOffset == 23)
    }

    @Test func largeArrayStreamsAcrossChunks() throws {
        var text = "[\n"
        for k in 0..<40_000 { text += (k == 0 ? "" : ",\n") + "{\"id\": \(k), \"ten\": \"Trần Thị \(k)\", \"s\": \"\(String(repeating: "é", count: k % 50))\"}" }
        text += "\n]\n"
        let dir = try TemporaryDirectory()
        var count = 0, lastLine = 0
        let summary = try RecordDecoder.decodeFile(
            path: try dir.write("big.json", text), options: DecodeOptions(format: .json),
            onRecord: { count += 1; lastLine = $0.location.line ?? 0 }, onRecordError: { _ in })
        #expect(count == 40_000 && summary.records == 40_000 && lastLine == 40_001)
        #expect(summary.bytes == text.utf8.count)
    }

    @Test func legacyEncodedJSON() throws {
        let text = "[{\"ho_ten\": \"Ụng Thị Ừng\", \"noi_sinh\": \"Đắk Lắk\"}]"
        let bytes = try #require(VietnameseCodec.encode(text, as: .tcvn3))
        let dir = try TemporaryDirectory()
        let result = try Decoded.file(try dir.write("t.json", bytes), DecodeOptions(format: .json, encoding: .tcvn3))
        #expect(result.records.first?.fields["ho_ten"] == .text("Ụng Thị Ừng"))
    }

    @Test func utf16JSONWithBOM() throws {
        let bytes = try #require(VietnameseCodec.encode("[{\"ten\": \"Đà Nẵng\"},\n{\"ten\": \"Huế\"}]", as: .utf16))
        let dir = try TemporaryDirectory()
        let result = try Decoded.file(try dir.write("u.json", bytes), DecodeOptions(format: .json))
        #expect(result.summary?.encoding == .utf16)
        #expect(result.records.map { $0.fields["ten"] } == [.text("Đà Nẵng"), .text("Huế")])
        #expect(result.records.map(\.location.line) == [1, 2])
    }
}
