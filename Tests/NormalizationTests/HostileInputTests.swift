import Domain
import Normalization
import Reference
import Testing

/// Bad input never crashes: every normaliser returns, with a value or a finding, on hostile text.
@Suite struct HostileInputTests {
    static let inputs: [String] = [
        "", " ", "\u{0}", "\u{1}\u{2}\u{4}", "\u{0301}\u{0301}\u{0301}", "a\u{0301}\u{0323}\u{0309}", "🇻🇳👨‍👩‍👧",
        "99999999999999999999999999", "-/-/-", "0/0/0", "//", "+", "++84", "(((", "Xã", "Tỉnh", ",,,,", "P.", "Q.",
        "TP.", "số", "Số 5", "Huyện Đức Hòa Huyện Đức Hòa", "ÀÁẢÃẠ ĂẮẰẲẴẶ", "ǅemal Ǆ", "ß", "İstanbul", "ﬁ",
        String(repeating: "Nguyễn ", count: 2_000), String(repeating: "9", count: 10_000), "한국어 주소", "\u{FEFF}\u{200B}",
        "ngày tháng năm", "tháng", "năm", "12:00", "T", "1987-03-09T", "32874.5", "00000", "0000", "00/00",
    ]

    @Test func everyNormaliserReturnsOnHostileInput() throws {
        let reference = try ReferenceFixture.load()
        for input in Self.inputs {
            let name = NameNormalizer.normalize(input)
            #expect(name.value != nil || !name.findings.isEmpty, "name: \(input.prefix(20))")
            let date = DateNormalizer.normalize(input)
            #expect(date.value != nil || !date.findings.isEmpty, "date: \(input.prefix(20))")
            for order in [DateNormalizer.FieldOrder.dayMonthYear, .monthDayYear, .yearMonthDay] {
                let ordered = DateNormalizer.normalize(input, order: order)
                #expect(ordered.value != nil || !ordered.findings.isEmpty)
            }
            let phone = PhoneNormalizer.normalize(input)
            #expect(phone.value != nil || !phone.findings.isEmpty, "phone: \(input.prefix(20))")
            let address = AddressNormalizer.normalize(input, reference: reference)
            #expect(address.value != nil || !address.findings.isEmpty, "address: \(input.prefix(20))")
            let codes = AddressNormalizer.fromCodes(
                communeCode: input, districtCode: input, provinceCode: input, scheme: .pre2025, detail: input,
                reference: reference)
            #expect(codes.value != nil || !codes.findings.isEmpty)
            _ = VietnameseOrthography.canonicalText(input)
        }
    }
}
