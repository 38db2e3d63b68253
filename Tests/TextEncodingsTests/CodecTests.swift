import Foundation
import Testing
@testable import TextEncodings

@Suite struct CodecTests {
    static let legacy: [TextEncoding] = [.tcvn3, .windows1258, .vni]

    @Test func letterCountIs134() {
        #expect(VietnameseLetters.lowercase.count == 73)
        #expect(VietnameseLetters.nonASCII.count == 134)
        #expect(Set(VietnameseLetters.all).count == 146)
    }

    @Test(arguments: legacy)
    func everyLetterRoundTrips(_ encoding: TextEncoding) throws {
        for letter in VietnameseLetters.all {
            let bytes = try #require(VietnameseCodec.encode(letter, as: encoding), "\(letter) not encodable in \(encoding)")
            let back = try VietnameseCodec.decode(bytes, as: encoding)
            #expect(back == letter, "\(letter) → \(bytes) → \(back)")
            #expect(back.unicodeScalars.count == 1, "\(letter) must decode to one precomposed scalar")
        }
    }

    @Test(arguments: legacy)
    func wholeTextRoundTripsFromNFD(_ encoding: TextEncoding) throws {
        let nfd = VietnameseLetters.sampleText.decomposedStringWithCanonicalMapping
        let bytes = try #require(VietnameseCodec.encode(nfd, as: encoding))
        #expect(try VietnameseCodec.decode(bytes, as: encoding) == VietnameseLetters.sampleText)
    }

    @Test func vniMatchesThePublishedExample() throws {
        let expected = Array("Xin chaøo caùc baïn".data(using: .isoLatin1)!)
        #expect(VietnameseCodec.encode("Xin chào các bạn", as: .vni) == expected)
        #expect(try VietnameseCodec.decode(expected, as: .vni) == "Xin chào các bạn")
        #expect(VietnameseCodec.encode("Đặng Ngọc Ơn", as: .vni) == [0xD1, 0x61, 0xEB, 0x6E, 0x67, 0x20, 0x4E, 0x67, 0x6F, 0xEF, 0x63, 0x20, 0xD4, 0x6E])
        #expect(VietnameseCodec.encode("Nguyễn", as: .vni) == [0x4E, 0x67, 0x75, 0x79, 0x65, 0xE3, 0x6E])
    }

    @Test func tcvn3CapitalsAtControlPositionsDecode() throws {
        #expect(try VietnameseCodec.decode([0x01, 0x02, 0x04, 0x05, 0x06, 0x11], as: .tcvn3) == "ÚỤỪỬỮỨ")
        #expect(VietnameseCodec.encode("Ứ", as: .tcvn3) == [0x11])
        #expect(VietnameseCodec.encode("\u{01}", as: .tcvn3) == nil, "0x01 is Ú in TCVN3, so U+0001 cannot be written")
        #expect(try VietnameseCodec.decode([0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E], as: .tcvn3) == "Nguyễn")
    }

    @Test func cp1258UsesBasePlusCombiningTone() throws {
        #expect(VietnameseCodec.encode("Nguyễn Đức", as: .windows1258) == [0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E, 0x20, 0xD0, 0xFD, 0xEC, 0x63])
        #expect(try VietnameseCodec.decode([0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E, 0x20, 0xD0, 0xFD, 0xEC, 0x63], as: .windows1258) == "Nguyễn Đức")
        #expect(VietnameseCodec.encode("á", as: .windows1258) == [0xE1])
        #expect(VietnameseCodec.encode("€ ₫", as: .windows1258) == [0x80, 0x20, 0xFE])
        #expect(VietnameseCodec.encode("日本", as: .windows1258) == nil)
        #expect(throws: TextDecodingError(encoding: .windows1258, byteOffset: 2, reason: "byte 0x81 is undefined")) {
            try VietnameseCodec.decode([0x41, 0x42, 0x81], as: .windows1258)
        }
    }

    @Test func utf8StripsBOMAndComposesNFD() throws {
        let nfd = "Nguyễn Đức Thắng".decomposedStringWithCanonicalMapping
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(nfd.utf8)
        let decoded = try VietnameseCodec.decode(bytes, as: .utf8)
        #expect(Array(decoded.utf8) == Array("Nguyễn Đức Thắng".precomposedStringWithCanonicalMapping.utf8))
        #expect(decoded.utf8.count == 23)
    }

    @Test func invalidUTF8ReportsTheOffset() {
        #expect(throws: TextDecodingError(encoding: .utf8, byteOffset: 4, reason: "invalid UTF-8 sequence")) {
            try VietnameseCodec.decode([0x61, 0x62, 0xC3, 0xA9, 0xC3, 0x28], as: .utf8)
        }
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0xBB]] {
            #expect(throws: TextDecodingError.self) { try VietnameseCodec.decode(bad, as: .utf8) }
        }
    }

    @Test func utf16WithBOMBothOrders() throws {
        let text = "Đà Nẵng 𝄞"
        let le = try #require(VietnameseCodec.encode(text, as: .utf16))
        #expect(le.prefix(2) == [0xFF, 0xFE])
        #expect(try VietnameseCodec.decode(le, as: .utf16) == text)
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { be += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try VietnameseCodec.decode(be, as: .utf16) == text)
        #expect(throws: TextDecodingError.self) { try VietnameseCodec.decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], as: .utf16) }
    }

    @Test func nfcFastPathLeavesComposedTextAlone() {
        #expect(UnicodeNFC.normalize("Nguyễn") == "Nguyễn")
        #expect(UnicodeNFC.normalize("e\u{0301}").unicodeScalars.count == 1)
        #expect(UnicodeNFC.normalize("\u{212B}").unicodeScalars.first?.value == 0x00C5)
    }
}
