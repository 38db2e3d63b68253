import Domain
import Normalization
import Testing

@Suite struct PhoneTests {
    @Test(arguments: [
        "0912345678", "091 234 5678", "0912.345.678", "0912-345-678", "(091) 234-5678", "+84912345678",
        "+84 91 234 5678", "84912345678", "0084912345678", "0084 912 345 678",
    ])
    func spellingsOfOneMobileNumber(raw: String) {
        let result = PhoneNormalizer.normalize(raw)
        #expect(result.value == "+84912345678")
        #expect(result.findings.isEmpty)
    }

    @Test(arguments: [
        ("0162", "032"), ("0163", "033"), ("0164", "034"), ("0165", "035"), ("0166", "036"), ("0167", "037"),
        ("0168", "038"), ("0169", "039"), ("0120", "070"), ("0121", "079"), ("0122", "077"), ("0126", "076"),
        ("0128", "078"), ("0123", "083"), ("0124", "084"), ("0125", "085"), ("0127", "081"), ("0129", "082"),
        ("0186", "056"), ("0188", "058"), ("0199", "059"),
    ])
    func elevenDigitMobilesAreRenumbered(old: String, new: String) {
        let result = PhoneNormalizer.normalize(old + "1234567")
        #expect(result.value == "+84" + new.dropFirst() + "1234567")
        #expect(result.findings.map(\.rule) == ["phone.renumbered_2018"])
        #expect(result.findings.first?.message.contains("\(old) renumbered to \(new)") == true)
        #expect(!result.hasError)
    }

    @Test func renumberingAlsoWorksWithCountryCode() {
        #expect(PhoneNormalizer.normalize("+84 168 123 4567").value == "+84381234567")
        #expect(PhoneNormalizer.normalize("84 1681234567").value == "+84381234567")
        #expect(PhoneNormalizer.normalize("+84 168 123 4567").findings.map(\.rule) == ["phone.renumbered_2018"])
    }

    @Test func landlinesInThe2017Plan() {
        #expect(PhoneNormalizer.normalize("024 3825 1234").value == "+842438251234")
        #expect(PhoneNormalizer.normalize("0272 382 1234").value == "+842723821234")
        #expect(PhoneNormalizer.normalize("0272 382 1234").findings.isEmpty)
    }

    @Test func invalidLengths() {
        for raw in ["091234567", "09123456789", "0243825123", "016812345678", "12345"] {
            let result = PhoneNormalizer.normalize(raw)
            #expect(result.value == nil, "\(raw)")
            #expect(result.findings.map(\.rule) == ["phone.invalid_length"], "\(raw)")
        }
    }

    @Test func unknownPrefixes() {
        #expect(PhoneNormalizer.normalize("01301234567").findings.map(\.rule) == ["phone.unknown_prefix"])
        #expect(PhoneNormalizer.normalize("01101234567").findings.map(\.rule) == ["phone.unknown_prefix"])
        #expect(PhoneNormalizer.normalize("01301234567").value == nil)
    }

    @Test func missingAndRedundantZeros() {
        let missing = PhoneNormalizer.normalize("912345678")
        #expect(missing.value == "+84912345678")
        #expect(missing.findings.map(\.rule) == ["phone.missing_leading_zero"])
        let oldMissing = PhoneNormalizer.normalize("1681234567")
        #expect(oldMissing.value == "+84381234567")
        #expect(oldMissing.findings.map(\.rule) == ["phone.missing_leading_zero", "phone.renumbered_2018"])
        let redundant = PhoneNormalizer.normalize("+84 (0) 912 345 678")
        #expect(redundant.value == "+84912345678")
        #expect(redundant.findings.map(\.rule) == ["phone.redundant_zero"])
    }

    @Test func otherFindings() {
        #expect(PhoneNormalizer.normalize("  ").findings.map(\.rule) == ["phone.empty"])
        #expect(PhoneNormalizer.normalize("").value == nil)
        let letters = PhoneNormalizer.normalize("0912 345 678 ext 12")
        #expect(letters.value == nil)
        #expect(letters.findings.map(\.rule) == ["phone.invalid_characters"])
        #expect(PhoneNormalizer.normalize("không có").findings.map(\.rule) == ["phone.invalid_characters"])
        let two = PhoneNormalizer.normalize("0912345678 / 0381234567")
        #expect(two.value == "+84912345678")
        #expect(two.findings.map(\.rule) == ["phone.multiple_numbers"])
        let foreign = PhoneNormalizer.normalize("+1 650 555 0100")
        #expect(foreign.value == "+16505550100")
        #expect(foreign.findings.map(\.rule) == ["phone.foreign"])
        let oldArea = PhoneNormalizer.normalize("04 3825 1234")
        #expect(oldArea.value == nil)
        #expect(oldArea.findings.map(\.rule) == ["phone.old_area_code"])
        let service = PhoneNormalizer.normalize("1900 1234")
        #expect(service.value == "+8419001234")
        #expect(service.findings.map(\.rule) == ["phone.service_number"])
    }
}
