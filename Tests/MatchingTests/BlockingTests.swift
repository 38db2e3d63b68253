import Domain
import Matching
import Testing

@Suite struct BlockingTests {
    typealias P = PersonFixture

    private func rule(_ name: String) -> BlockingRule? {
        BlockingRule.defaults.first { $0.name == name }
    }

    private let person = P.features(
        family: "Huỳnh", middle: "Thị", given: "Lan", born: P.date(1987, 3, 9), sex: .female,
        personalNumber: P.personalNumber(sex: .female, year: 1987), legacy: ["023456789", "301234567"],
        communes: ["27952", "27955"], province: "80")

    @Test func defaultRulesInOrder() {
        #expect(
            BlockingRule.defaults.map(\.name) == [
                "personal_number", "full_name_birth_year", "given_name_birth_year_province",
                "surname_class_given_name_commune", "legacy_id9", "document_number",
            ])
    }

    @Test func birthDateKeyNeedsTheFullDate() {
        let rule = BlockingRule(name: "birth_date", parts: [.birthDate])
        #expect(rule.keys(person) == ["1987-03-09"])
        #expect(rule.keys(P.features(born: P.date(1987, 3))) == [])
        #expect(rule.partsText == "birth_date")
    }

    @Test func personalNumberKey() {
        #expect(rule("personal_number")?.keys(person) == [P.personalNumber(sex: .female, year: 1987)])
        #expect(rule("personal_number")?.keys(P.features()) == [])
    }

    @Test func fullNameAndBirthYearKey() {
        #expect(rule("full_name_birth_year")?.keys(person) == ["huynh thi lan|1987"])
        #expect(rule("full_name_birth_year")?.keys(P.features()) == [])
    }

    @Test func givenNameBirthYearProvinceKey() {
        #expect(rule("given_name_birth_year_province")?.keys(person) == ["lan|1987|80"])
        #expect(rule("given_name_birth_year_province")?.keys(P.features(born: P.date(1987))) == [])
    }

    @Test func surnameClassGivenNameCommuneKeysPerCommune() {
        // Huỳnh blocks with Hoàng; a split commune yields one key per candidate commune.
        #expect(rule("surname_class_given_name_commune")?.keys(person) == ["hoang|lan|27952", "hoang|lan|27955"])
        let hoang = P.features(family: "Hoàng", middle: nil, given: "Lan", communes: ["27955"])
        #expect(rule("surname_class_given_name_commune")?.keys(hoang) == ["hoang|lan|27955"])
    }

    @Test func legacyNumberKeysPerNumber() {
        #expect(rule("legacy_id9")?.keys(person) == ["023456789", "301234567"])
        #expect(rule("legacy_id9")?.keys(P.features()) == [])
    }

    @Test func rulesRoundTripAsJSONValues() {
        let custom = BlockingRule(name: "x", parts: [.surnameClass, .birthYear, .communeCode])
        #expect(custom.keys(person) == ["hoang|1987|27952", "hoang|1987|27955"])
        #expect(BlockingKeyPart(rawValue: "legacy_id9") == .legacyID9)
        #expect(BlockingRule(name: "empty", parts: []).keys(person) == [])
    }
}
