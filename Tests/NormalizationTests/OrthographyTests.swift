import Foundation
import Normalization
import Testing

@Suite struct OrthographyTests {
    @Test(arguments: [
        ("Hoà", "Hòa"), ("Hoá", "Hóa"), ("Thuỷ", "Thủy"), ("Thuỵ", "Thụy"), ("Khoá", "Khóa"), ("Uý", "Úy"),
        ("Khánh Hoà", "Khánh Hòa"), ("THANH HOÁ", "THANH HÓA"), ("qúy", "quý"), ("Hòang", "Hoàng"),
        ("ngoaì", "ngoài"), ("khuyủ", "khuỷu"), ("nguời", "nguời"), ("ngừơi", "người"), ("gìa", "già"),
        ("Huỳnh", "Huỳnh"), ("Quý", "Quý"), ("Nghĩa", "Nghĩa"), ("múa", "múa"), ("Hoè", "Hòe"),
    ])
    func toneMarksMoveToTheCanonicalVowel(input: String, expected: String) {
        #expect(VietnameseOrthography.canonicalToneMarks(input) == expected)
    }

    @Test func decomposedInputComesOutComposedAndCanonical() {
        let nfd = "Thuỷ Hoà".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Thuỷ Hoà".unicodeScalars.count)
        let result = VietnameseOrthography.canonicalToneMarks(nfd)
        #expect(result == "Thủy Hòa")
        #expect(Array(result.unicodeScalars) == Array("Thủy Hòa".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func wordsThatAreNotOneSyllableAreLeftAlone() {
        #expect(VietnameseOrthography.canonicalToneMarks("Krông Búk") == "Krông Búk")
        #expect(VietnameseOrthography.canonicalToneMarks("Ea H'leo") == "Ea H'leo")
        #expect(VietnameseOrthography.canonicalToneMarks("Zoë Müller") == "Zoë Müller")
        #expect(VietnameseOrthography.canonicalToneMarks("plain ascii") == "plain ascii")
    }

    @Test func canonicalTextStraightensApostrophesDashesAndSpaces() {
        #expect(VietnameseOrthography.canonicalText("  Ea H’leo\u{00A0}–\tĐắk  Lắk ") == "Ea H'leo - Đắk Lắk")
        #expect(VietnameseOrthography.canonicalText("“Cư M‘gar”") == "\"Cư M'gar\"")
        #expect(VietnameseOrthography.canonicalText("Phú\u{200B}Thọ\n\nHoà") == "PhúThọ Hòa")
        #expect(VietnameseOrthography.canonicalText(" \t ") == "")
    }
}
