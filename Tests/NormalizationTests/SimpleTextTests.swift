import Domain
import Foundation
import Testing

@testable import Normalization

/// The byte-level shortcuts must agree with the `Character` operations they replace.
@Suite struct SimpleTextTests {
    /// Scalars of the "simple" ranges never join a separator into a grapheme cluster.
    @Test func simpleScalarsAreSeparateCharactersNextToSeparators() {
        var checked = 0
        for value in Array(0..<0x0300) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(UInt32(value)), SimpleText.isSimple(scalar) else { continue }
            for separator in [" ", ",", ";"] {
                #expect("\(separator)\(scalar)".count == 2, "U+\(String(value, radix: 16)) after '\(separator)'")
                #expect("\(scalar)\(separator)".count == 2, "U+\(String(value, radix: 16)) before '\(separator)'")
            }
            checked += 1
        }
        #expect(checked == 0x300 + 0x100)
        #expect(!SimpleText.isSimple("\u{0301}"))
        #expect(!SimpleText.isSimple("\u{0600}"))
    }

    @Test func splitEqualsCharacterSplit() {
        let samples = [
            "", " ", "  a  b ", "Nguyễn Văn An", "Số 5, Xã Tân Phú,, Huyện Đức Hòa,", "a \u{0301}b c", "x\u{0600} y", "\r\n a\r\n",
            "Thôn 2", ",", "a,b", " , ", "Ấp Bình Tả 1", "một  hai\tba", "e\u{0302}\u{0301} x",
        ]
        for sample in samples {
            for separator in [UInt8(ascii: " "), UInt8(ascii: ",")] {
                let expected = sample.split(separator: Character(Unicode.Scalar(separator))).map(String.init)
                #expect(SimpleText.split(sample, on: separator).map(String.init) == expected, "\(sample.debugDescription)")
            }
        }
    }

    @Test func splitOnTwoSeparatorsEqualsCharacterSplit() {
        for sample in ["", "a,b;c", ";;a,,", "Xã Tân Phú; Huyện Đức Hòa, Long An", ",\u{0301}a;b", "a\u{0600};b", "\r\n;\r\n"] {
            let expected = sample.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init)
            #expect(SimpleText.split(sample[...], onAnyOf: (UInt8(ascii: ","), UInt8(ascii: ";"))).map(String.init) == expected, "\(sample.debugDescription)")
        }
    }

    @Test func segmentLowercasingEqualsLowercased() {
        var samples: [Substring] = ["XÃ", "Phường", "THỊ", "TP.HCM", "Đặc", "ĐẶC", "Ça", "İstanbul", "ǅ", "Ω", "x\u{0303}", ""]
        for value in Array(0x41...0x5A) + Array(0xC0...0x24F) + Array(0x1EA0...0x1EF9) {
            if let scalar = Unicode.Scalar(UInt32(value)) { samples.append(Substring("\(scalar)a\(scalar)")) }
        }
        for sample in samples {
            #expect(AddressSegment.lowercased(sample) == sample.lowercased(), "\(sample)")
        }
    }

    @Test func whitespaceTableEqualsTheUnicodeProperty() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(VietnameseScalars.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(TextFolding.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func trimmingSpacesEqualsTheCharacterDefinition() {
        func reference(_ text: String) -> String {
            let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
            return String(text[start...end])
        }
        for sample in ["", " ", "12", " 12 ", "12\r\n", "\r\n12", "\t a b \n", " \u{0301}12", "12 \u{0301}", "Đ", " Đức "] {
            #expect(sample.trimmingSpaces() == reference(sample), "\(sample.debugDescription)")
            #expect(sample[...].trimmingSpaces() == reference(sample), "\(sample.debugDescription)")
        }
    }

    @Test func houseNumbersAndStreetWords() {
        #expect(AddressDetail.isHouseNumber("12A"))
        #expect(AddressDetail.isHouseNumber("12/3"))
        #expect(!AddressDetail.isHouseNumber("12,3"))
        #expect(!AddressDetail.isHouseNumber("12\r\n"))
        #expect(AddressDetail.isHouseNumber("12Đ"))
        #expect(!AddressDetail.isHouseNumber("A12"))
        // Only the first part loses its street word (behaviour pinned as it is; the doc comment promises more).
        #expect(AddressDetail.parse(["Số nhà 12A", "đường Lê Lợi"]) == ("12A", "đường Lê Lợi"))
        #expect(AddressDetail.parse(["Số nhà 12A đường Lê Lợi"]) == ("12A", "Lê Lợi"))
        #expect(AddressDetail.parse(["SN 5 Đ. Lê Lợi"]) == ("5", "Lê Lợi"))
        #expect(AddressDetail.parse(["Thôn 2"]) == (nil, "Thôn 2"))
        #expect(AddressDetail.parse(["123 Nguyễn Trãi"]) == ("123", "Nguyễn Trãi"))
        #expect(AddressDetail.parse(["Phố Huế"]) == (nil, "Huế"))
        #expect(AddressDetail.parse(["Tổ 3", "Khu phố 4"]) == (nil, "Tổ 3, Khu phố 4"))
    }
}
