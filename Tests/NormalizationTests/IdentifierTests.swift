import Domain
import Foundation
import Reference
import Testing

@testable import Normalization

private let reference: ReferenceData? = try? ReferenceData.loadDefault()

@Suite struct PersonalNumberTests {
    @Test func decodesStructure() {
        let decoded = PersonalNumber.decode("001087012345")
        #expect(decoded == PersonalNumber.Decoded(provinceCode: "001", sex: .male, birthYear: 1987, serial: "012345"))
        #expect(PersonalNumber.decode("079305000001")?.sex == .female)
        #expect(PersonalNumber.decode("079305000001")?.birthYear == 2005)
        #expect(PersonalNumber.decode("080199999999")?.birthYear == 1999)
        #expect(PersonalNumber.decode("080199999999")?.sex == .female)
        #expect(PersonalNumber.decode("00108701234") == nil)
        #expect(PersonalNumber.decode("00108701234X") == nil)
        #expect(PersonalNumber.decode("001 087 012 345") == nil)
    }

    @Test func composeRoundTrips() {
        #expect(PersonalNumber.compose(provinceCode: "001", sex: .male, birthYear: 1987, serial: 12345) == "001087012345")
        #expect(PersonalNumber.compose(provinceCode: "079", sex: .female, birthYear: 2005, serial: 1) == "079305000001")
        #expect(PersonalNumber.compose(provinceCode: "096", sex: .female, birthYear: 1930, serial: 999_999) == "096130999999")
        #expect(PersonalNumber.compose(provinceCode: "01", sex: .male, birthYear: 1987, serial: 1) == nil)
        #expect(PersonalNumber.compose(provinceCode: "001", sex: .male, birthYear: 1899, serial: 1) == nil)
        #expect(PersonalNumber.compose(provinceCode: "001", sex: .male, birthYear: 1987, serial: 1_000_000) == nil)
        for year in [1900, 1955, 1999, 2000, 2007, 2150, 2399] {
            for sex in [Sex.male, .female] {
                let number = PersonalNumber.compose(provinceCode: "038", sex: sex, birthYear: year, serial: 4242)
                #expect(number.flatMap(PersonalNumber.decode) == .init(provinceCode: "038", sex: sex, birthYear: year, serial: "004242"))
            }
        }
    }

    @Test func normalizeAcceptsSeparatorsAndChecksConsistency() {
        let clean = PersonalNumber.normalize(
            " 001-087.012 345 ", birthDate: PartialDate(year: 1987, month: 3, day: 9), sex: .male, reference: reference)
        #expect(clean.value == Identifier(type: .personalNumber, value: "001087012345", isValid: true, issuer: "001"))
        #expect(clean.findings.isEmpty)

        let mismatched = PersonalNumber.normalize("001087012345", birthDate: PartialDate(year: 1978), sex: .female)
        #expect(mismatched.value?.isValid == true)
        #expect(mismatched.value?.value == "001087012345")
        #expect(mismatched.findings.map(\.rule) == ["personal_number.birth_year_mismatch", "personal_number.sex_mismatch"])
        #expect(mismatched.findings.allSatisfy { $0.severity == .warning })
        #expect(!mismatched.hasError)
    }

    @Test func prefixIsCheckedAgainstTheHistoricalList() throws {
        let data = try #require(reference)
        // 080 was Long An's birth-registration code; it stays valid after the 2025 reform.
        #expect(PersonalNumber.normalize("080190000001", reference: data).findings.isEmpty)
        // 072 (Tây Ninh before 2025) is no longer a province code but is a valid prefix.
        #expect(PersonalNumber.normalize("072190000001", reference: data).findings.isEmpty)
        let unknown = PersonalNumber.normalize("003190000001", reference: data)
        #expect(unknown.findings.map(\.rule) == ["personal_number.unknown_province"])
        // Without reference data the prefix is not checked.
        #expect(PersonalNumber.normalize("003190000001").findings.isEmpty)
    }

    @Test func invalidInputIsKeptWithAnError() {
        let short = PersonalNumber.normalize("00108701234")
        #expect(short.value == Identifier(type: .personalNumber, value: "00108701234", isValid: false))
        #expect(short.findings.map(\.rule) == ["personal_number.length"])
        #expect(short.hasError)
        let letters = PersonalNumber.normalize("0010870I2345")
        #expect(letters.value?.isValid == false)
        #expect(letters.findings.map(\.rule) == ["personal_number.not_digits"])
        let century = PersonalNumber.normalize("001487012345")
        #expect(century.value?.isValid == false)
        #expect(century.findings.map(\.rule) == ["personal_number.century"])
    }

    @Test func emptyInputHasNoValueAndNoFindings() {
        for raw in ["", "   ", " - . "] {
            let result = PersonalNumber.normalize(raw)
            #expect(result.value == nil)
            #expect(result.findings.isEmpty)
        }
    }
}

@Suite struct LegacyIDNumberTests {
    @Test func nineDigitsWithIssuer() {
        let result = LegacyIDNumber.normalize("012 345 678")
        #expect(result.value == Identifier(type: .legacyID9, value: "012345678", isValid: true, issuer: "01"))
        #expect(result.findings.isEmpty)
    }

    @Test func badLengthsAndCharacters() {
        #expect(LegacyIDNumber.normalize("01234567").findings.map(\.rule) == ["cmnd.length"])
        #expect(LegacyIDNumber.normalize("001087012345").value?.isValid == false)
        #expect(LegacyIDNumber.normalize("001087012345").findings.first?.message.contains("personal number") == true)
        #expect(LegacyIDNumber.normalize("01234567A").findings.map(\.rule) == ["cmnd.not_digits"])
        #expect(LegacyIDNumber.normalize("000000000").findings.map(\.rule) == ["cmnd.all_zero"])
        #expect(LegacyIDNumber.normalize("").value == nil)
        #expect(LegacyIDNumber.normalize("").findings.isEmpty)
    }
}

@Suite struct EnterpriseCodeTests {
    @Test(arguments: ["0100233488", "0314409058", "0312687878", "0100112437"])
    func documentedValidVectors(code: String) {
        let result = EnterpriseCode.normalize(code)
        #expect(result.value == Identifier(type: .enterpriseCode, value: code, isValid: true))
        #expect(result.findings.isEmpty)
        #expect(EnterpriseCode.checkDigit(base: String(code.prefix(9))) == Int(String(code.last ?? "x")))
    }

    @Test func checkDigitRule() {
        #expect(EnterpriseCode.checkDigit(base: "010023348") == 8)
        #expect(EnterpriseCode.checkDigit(base: "01002334") == nil)
        #expect(EnterpriseCode.checkDigit(base: "01002334A") == nil)
        // 31 + 29 = 60; 60 mod 11 = 5 → 10 − 5 = 5.
        #expect(EnterpriseCode.checkDigit(base: "110000000") == 5)
        // 7 + 3 = 10; remainder 10 → check digit 0.
        #expect(EnterpriseCode.checkDigit(base: "000000101") == 0)
        // 5·1 + 3·2 = 11; remainder 0 → no digit can be valid.
        #expect(EnterpriseCode.checkDigit(base: "000000012") == nil)
    }

    @Test func separatorsAndBranches() {
        #expect(EnterpriseCode.normalize("01.00.112.437").value?.value == "0100112437")
        #expect(EnterpriseCode.normalize(" 0100 112 437 ").value?.isValid == true)
        let branch = EnterpriseCode.normalize("0100112437-001")
        #expect(branch.value == Identifier(type: .enterpriseCode, value: "0100112437001", isValid: true))
        #expect(EnterpriseCode.normalize("0100112437-000").findings.map(\.rule) == ["enterprise_code.branch_suffix"])
        #expect(EnterpriseCode.normalize("0100112436-001").findings.map(\.rule) == ["enterprise_code.check_digit"])
    }

    @Test func invalidCodes() {
        let wrong = EnterpriseCode.normalize("0100233480")
        #expect(wrong.value == Identifier(type: .enterpriseCode, value: "0100233480", isValid: false))
        #expect(wrong.findings.map(\.rule) == ["enterprise_code.check_digit"])
        #expect(EnterpriseCode.normalize("010023348").findings.map(\.rule) == ["enterprise_code.length"])
        #expect(EnterpriseCode.normalize("01000000000").findings.map(\.rule) == ["enterprise_code.length"])
        #expect(EnterpriseCode.normalize("0100000001").findings.map(\.rule) == ["enterprise_code.zero_sequence"])
        #expect(EnterpriseCode.normalize("MST0100112437").findings.map(\.rule) == ["enterprise_code.not_digits"])
        #expect(EnterpriseCode.normalize("  ").value == nil)
    }

    @Test func makeProducesValidCodesOrNil() {
        var made = 0
        var missing = 0
        for sequence in 1...2000 {
            if let code = EnterpriseCode.make(provincePrefix: "03", sequence: sequence) {
                made += 1
                #expect(code.hasPrefix("03"))
                #expect(EnterpriseCode.normalize(code).value?.isValid == true)
            } else {
                missing += 1
            }
        }
        #expect(missing > 100 && missing < 300)  // about one base in eleven has no check digit
        #expect(made + missing == 2000)
        #expect(EnterpriseCode.make(provincePrefix: "03", sequence: 0) == nil)
        #expect(EnterpriseCode.make(provincePrefix: "3", sequence: 5) == nil)
        #expect(EnterpriseCode.make(provincePrefix: "01", sequence: 23348) == "0100233488")
    }
}
