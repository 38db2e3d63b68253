import Domain
import Mapping
import Reference
import Testing

/// The address's `postal_code` and the `social_insurance` identifier type, through a mapping.
@Suite struct PostalCodeAndInsuranceMappingTests {
    let reference: ReferenceData

    init() throws { reference = try sharedReference.get() }

    private func person(_ fields: String, _ values: KeyValuePairs<String, String>) throws -> (PersonRecord, [Finding])? {
        let mapping = try MappingLoader.load(path: try writeTemporaryFile(minimalMapping(personFields: fields)))
        guard case .mapped(let mentions, _) = MappingEvaluator(mapping: mapping, reference: reference).evaluate(record(values)),
            let mention = mentions.first, case .person(let person) = mention.body
        else {
            Issue.record("expected a person")
            return nil
        }
        return (person, mention.findings)
    }

    @Test func postalCodeBesideFreeText() throws {
        let (person, _) = try #require(try person("      address: {text: dc, postal_code: mbc}", ["id": "1", "ho_ten": "An", "dc": "12 Lê Lợi", "mbc": "10 000"]))
        #expect(person.addresses.first?.postalCode == "10000")
        #expect(person.addresses.first?.houseNumber == "12")
    }

    @Test func postalCodeAloneMakesAnAddress() throws {
        let (person, _) = try #require(try person("      address: {text: dc, postal_code: mbc}", ["id": "1", "ho_ten": "An", "dc": "", "mbc": "70000"]))
        #expect(person.addresses == [Address(postalCode: "70000")])
    }

    @Test func postalCodeThatIsNotDigitsIsLeftOutWithAWarning() throws {
        let (person, findings) = try #require(try person("      address: {text: dc, postal_code: mbc}", ["id": "1", "ho_ten": "An", "dc": "12 Lê Lợi", "mbc": "HN-1"]))
        #expect(person.addresses.first?.postalCode == nil)
        #expect(findings.contains { $0.rule == "address.postal_code" && $0.severity == .warning && $0.field == "address" })
    }

    @Test func postalCodeBesideCodes() throws {
        let (person, _) = try #require(try person("      address: {commune: xa, postal_code: mbc}", ["id": "1", "ho_ten": "An", "xa": "00004", "mbc": "11000"]))
        #expect(person.addresses.first?.postalCode == "11000")
        #expect(person.addresses.first?.communeCode == "00004")
    }

    @Test func socialInsuranceNumbersAreDigits() throws {
        let fields = "      identifiers:\n        - {type: social_insurance, from: bhxh}"
        let (valid, _) = try #require(try person(fields, ["id": "1", "ho_ten": "An", "bhxh": "01-2345 6789"]))
        #expect(valid.identifiers == [Identifier(type: .socialInsurance, value: "0123456789")])
        let (invalid, findings) = try #require(try person(fields, ["id": "1", "ho_ten": "An", "bhxh": "BH0123"]))
        #expect(invalid.identifiers.first?.isValid == false)
        #expect(findings.map(\.rule).contains("social_insurance.not_digits"))
    }
}
