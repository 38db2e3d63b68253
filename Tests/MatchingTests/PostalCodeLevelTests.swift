import Domain
import Matching
import Testing

@Suite struct PostalCodeLevelTests {
    private func person(_ codes: [String]) -> PersonFeatures {
        PersonFeatures(PersonRecord(addresses: codes.map { Address(postalCode: $0) }))
    }

    private func level(_ a: PersonFeatures, _ b: PersonFeatures) -> PostalCodeLevel? {
        PostalCodeLevel(rawValue: Comparison.postalCode.level(a, b))
    }

    @Test func levels() {
        let hanoi = person(["10000"])
        #expect(level(hanoi, person(["10000"])) == .same)
        #expect(level(hanoi, person(["70000", "10000"])) == .same)
        #expect(level(hanoi, person(["10001"])) == .oneTypoApart)
        #expect(level(hanoi, person(["01000"])) == .oneTypoApart)
        #expect(level(hanoi, person(["70000"])) == .oneTypoApart)
        #expect(level(hanoi, person(["70070"])) == .different)
        #expect(level(hanoi, person(["1000"])) == .different)
        #expect(level(hanoi, person([])) == .null)
    }

    @Test func blockingKeysPerCode() {
        let rule = BlockingRule(name: "postal_surname", parts: [.postalCode, .surnameClass])
        var record = PersonRecord(addresses: [Address(postalCode: "10000"), Address(postalCode: "70000")])
        record.name = PersonFixture.name("Võ", "Văn", "An")
        #expect(rule.keys(PersonFeatures(record)) == ["10000|vu", "70000|vu"])
    }
}
