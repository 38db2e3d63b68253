import Domain
import Matching
import Normalization

/// Builds person mentions for tests with only the fields a test cares about.
enum PersonFixture {
    static func name(_ family: String?, _ middle: String?, _ given: String?) -> PersonName {
        let full = [family, middle, given].compactMap { $0 }.joined(separator: " ")
        return PersonName(
            asGiven: full, full: full, family: family, middle: middle, given: given, folded: TextFolding.fold(full))
    }

    static func personalNumber(sex: Sex, year: Int, serial: Int = 123_456, province: String = "001") -> String {
        PersonalNumber.compose(provinceCode: province, sex: sex, birthYear: year, serial: serial) ?? "invalid"
    }

    static func features(
        family: String? = "Nguyễn", middle: String? = "Văn", given: String? = "An", noName: Bool = false,
        born: PartialDate? = nil, sex: Sex? = nil, personalNumber: String? = nil, legacy: [String] = [],
        communes: [String] = [], province: String? = nil
    ) -> PersonFeatures {
        var identifiers: [Identifier] = []
        if let personalNumber { identifiers.append(Identifier(type: .personalNumber, value: personalNumber)) }
        identifiers += legacy.map { Identifier(type: .legacyID9, value: $0) }
        let addresses =
            communes.isEmpty && province == nil
            ? [] : [Address(currentCommuneCodes: communes, currentProvinceCode: province)]
        return PersonFeatures(
            PersonRecord(
                name: noName ? nil : name(family, middle, given), birthDate: born, sex: sex, identifiers: identifiers,
                addresses: addresses))
    }

    static func date(_ year: Int, _ month: Int? = nil, _ day: Int? = nil) -> PartialDate? {
        PartialDate(year: year, month: month, day: day)
    }
}
