import Domain
import Normalization
import Reference
import Testing

@Suite struct AddressCodeTests {
    private func fromCodes(
        _ commune: String?, _ district: String?, _ province: String?, _ scheme: AdminScheme, detail: String? = nil
    ) throws -> Normalized<Address> {
        AddressNormalizer.fromCodes(
            communeCode: commune, districtCode: district, provinceCode: province, scheme: scheme, detail: detail,
            reference: try ReferenceFixture.load())
    }

    @Test func oldCodesAreCompletedAndCrosswalked() throws {
        let result = try fromCodes("27961", nil, "80", .pre2025, detail: "Số 5, ấp Bình Tả 1")
        let address = try #require(result.value)
        #expect(address.communeCode == "27961")
        #expect(address.districtCode == "802")
        #expect(address.provinceCode == "80")
        #expect(address.scheme == .pre2025)
        #expect(address.currentCommuneCodes == ["27952"])
        #expect(address.currentProvinceCode == "80")
        #expect(address.houseNumber == "5")
        #expect(address.street == "ấp Bình Tả 1")
        #expect(address.text == "Số 5, ấp Bình Tả 1")
        #expect(result.findings.map(\.rule) == ["address.crosswalked"])
    }

    @Test func lostLeadingZerosArePaddedAndSplitsListed() throws {
        let result = try fromCodes("7", "1", "1", .pre2025)
        let address = try #require(result.value)
        #expect(address.communeCode == "00007")
        #expect(address.districtCode == "001")
        #expect(address.provinceCode == "01")
        #expect(address.currentCommuneCodes == ["00008", "00025"])
        #expect(result.findings.map(\.rule) == [
            "address.code_padded", "address.code_padded", "address.code_padded", "address.split_commune",
        ])
    }

    @Test func communeMissingFromTheCrosswalk() throws {
        let result = try fromCodes("01651", nil, nil, .pre2025)
        #expect(result.value?.districtCode == "049")
        #expect(result.value?.provinceCode == "04")
        #expect(result.value?.currentCommuneCodes == [])
        #expect(result.value?.currentProvinceCode == "04")
        #expect(result.findings.map(\.rule) == ["address.no_crosswalk"])
    }

    @Test func mismatchedProvinceIsReportedAndTheCommuneWins() throws {
        let result = try fromCodes("27961", nil, "79", .pre2025)
        #expect(result.value?.provinceCode == "80")
        #expect(result.findings.map(\.rule).first == "address.code_mismatch")
    }

    @Test func currentCodes() throws {
        let result = try fromCodes("25549", nil, nil, .from2025)
        let address = try #require(result.value)
        #expect(address.provinceCode == "80")
        #expect(address.currentCommuneCodes == ["25549"])
        #expect(address.currentProvinceCode == "80")
        #expect(result.findings.isEmpty)
        let withDistrict = try fromCodes("25549", "802", "80", .from2025)
        #expect(withDistrict.value?.districtCode == nil)
        #expect(withDistrict.findings.map(\.rule) == ["address.district_in_2025"])
    }

    @Test func unknownAndInvalidCodes() throws {
        let unknown = try fromCodes("99999", nil, nil, .from2025)
        #expect(unknown.value?.communeCode == nil)
        #expect(unknown.findings.map(\.rule) == ["address.unknown_commune"])
        let oldProvinceInNewScheme = try fromCodes(nil, nil, "72", .from2025)
        #expect(oldProvinceInNewScheme.findings.map(\.rule) == ["address.unknown_province"])
        let invalid = try fromCodes("27A61", nil, "80", .pre2025)
        #expect(invalid.findings.map(\.rule).first == "address.invalid_code")
        #expect(invalid.hasError)
        #expect(invalid.value?.provinceCode == "80")
        let empty = try fromCodes(nil, " ", nil, .pre2025, detail: "  ")
        #expect(empty.value == nil)
        #expect(empty.findings.map(\.rule) == ["address.empty"])
    }
}
