import Domain
import Matching
import Testing

@Suite struct DocumentNumberLevelTests {
    private func person(_ identifiers: [Identifier]) -> PersonFeatures {
        PersonFeatures(PersonRecord(identifiers: identifiers))
    }

    private func insurance(_ value: String, valid: Bool = true) -> Identifier {
        Identifier(type: .socialInsurance, value: value, isValid: valid)
    }

    private func level(_ a: PersonFeatures, _ b: PersonFeatures) -> DocumentNumberLevel? {
        DocumentNumberLevel(rawValue: Comparison.documentNumbers.level(a, b))
    }

    @Test func featuresKeepValidPassportAndInsuranceNumbersByType() {
        let features = person([
            insurance("0123456789"), Identifier(type: .passport, value: "B1234567"), insurance("0123456789"),
            insurance("999", valid: false), Identifier(type: .passport, value: "C 12,3"), Identifier(type: .legacyID9, value: "012345678"),
        ])
        #expect(features.documentNumbers == ["passport:B1234567", "social_insurance:0123456789"])
    }

    @Test func levels() {
        let a = person([insurance("0123456789")])
        #expect(level(a, person([insurance("0123456789")])) == .same)
        #expect(level(a, person([insurance("0123456780")])) == .oneTypoApart)
        #expect(level(a, person([insurance("1023456789")])) == .oneTypoApart)  // neighbours swapped
        #expect(level(a, person([insurance("0123456711")])) == .different)  // two digits
        #expect(level(a, person([insurance("012345678")])) == .different)  // a digit dropped: not one typo here
        // A passport and an insurance number never compare, even when the digits agree.
        #expect(level(a, person([Identifier(type: .passport, value: "0123456789")])) == .null)
        #expect(level(person([insurance("1"), Identifier(type: .passport, value: "B1")]), person([Identifier(type: .passport, value: "B2")])) == .oneTypoApart)
        #expect(level(a, person([])) == .null)
    }

    @Test func documentNumberBlockingKeysPerNumber() {
        let rule = BlockingRule(name: "document_number", parts: [.documentNumber])
        #expect(rule.keys(person([insurance("0123456789"), Identifier(type: .passport, value: "B1")])) == ["passport:B1", "social_insurance:0123456789"])
        #expect(rule.keys(person([])).isEmpty)
    }
}
