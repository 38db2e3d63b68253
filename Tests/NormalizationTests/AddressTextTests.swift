import Domain
import Foundation
import Normalization
import Reference
import Testing

@Suite struct AddressTextTests {
    private func normalize(_ text: String) throws -> (Address, [String]) {
        let result = AddressNormalizer.normalize(text, reference: try ReferenceFixture.load())
        let address = try #require(result.value)
        return (address, result.findings.map(\.rule))
    }

    @Test func oldThreeLevelAddressIsCrosswalked() throws {
        let (address, rules) = try normalize("Số 5, Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An")
        #expect(address.scheme == .pre2025)
        #expect(address.houseNumber == "5")
        #expect(address.street == nil)
        #expect(address.communeCode == "27961")
        #expect(address.districtCode == "802")
        #expect(address.provinceCode == "80")
        #expect(address.currentCommuneCodes == ["27952"])
        #expect(address.currentProvinceCode == "80")
        #expect(address.text == "Số 5, Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An")
        #expect(rules == ["address.crosswalked"])
    }

    @Test func noDiacriticsOldTonesAndMissingCommasAtTheEnd() throws {
        let (address, rules) = try normalize("so 5 xa tan phu huyen duc hoa long an")
        #expect(address.scheme == .pre2025)
        #expect(address.communeCode == "27961")
        #expect(address.districtCode == "802")
        #expect(address.houseNumber == "5")
        #expect(address.currentCommuneCodes == ["27952"])
        #expect(rules.contains("address.missing_comma"))
        let (oldTones, _) = try normalize("Xã Tân Phú, Huyện Đức Hoà, Tỉnh Long An")
        #expect(oldTones.districtCode == "802")
        let (accented, _) = try normalize("Số 5 Xã Tân Phú Huyện Đức Hòa Tỉnh Long An")
        #expect(accented.communeCode == "27961")
        #expect(accented.houseNumber == "5")
    }

    @Test func abbreviationsAndProvinceAliases() throws {
        let (address, rules) = try normalize("12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM")
        #expect(address.scheme == .pre2025)
        #expect(address.houseNumber == "12")
        #expect(address.street == "Lê Lợi")
        #expect(address.communeCode == "26740")
        #expect(address.districtCode == "760")
        #expect(address.provinceCode == "79")
        #expect(address.currentCommuneCodes == ["26740"])
        #expect(rules == ["address.crosswalked"])
        let (spelled, _) = try normalize("Số nhà 12A đường Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh")
        #expect(spelled.houseNumber == "12A")
        #expect(spelled.street == "Lê Lợi")
        #expect(spelled.communeCode == "26740")
        let (noCommas, noCommaRules) = try normalize("P.Bến Thành Q.1 TPHCM")
        #expect(noCommas.communeCode == "26743")
        #expect(noCommas.districtCode == "760")
        #expect(noCommas.provinceCode == "79")
        #expect(noCommaRules == ["address.missing_comma", "address.crosswalked"])
        let (township, _) = try normalize("TT. Bến Lức, H. Bến Lức, T. Long An")
        #expect(township.communeCode == "27991")
        #expect(township.districtCode == "803")
    }

    @Test func decomposedUpperCaseNumberedWard() throws {
        let (address, _) = try normalize("PHƯỜNG 14, QUẬN 3, TP HỒ CHÍ MINH".decomposedStringWithCanonicalMapping)
        #expect(address.communeCode == "27127")
        #expect(address.districtCode == "770")
        #expect(address.provinceCode == "79")
    }

    @Test func currentTwoLevelAddress() throws {
        let (address, rules) = try normalize("Phường Ba Đình, Thành phố Hà Nội")
        #expect(address.scheme == .from2025)
        #expect(address.communeCode == "00004")
        #expect(address.districtCode == nil)
        #expect(address.provinceCode == "01")
        #expect(address.currentCommuneCodes == ["00004"])
        #expect(address.currentProvinceCode == "01")
        #expect(rules.isEmpty)
    }

    @Test func provinceNameThatChangedCodeIsReadInTheRightScheme() throws {
        let (current, _) = try normalize("Xã Tân Phú, Tỉnh Tây Ninh")
        #expect(current.scheme == .from2025)
        #expect(current.communeCode == "25549")
        #expect(current.provinceCode == "80")
        let (old, _) = try normalize("Xã Tân Phú, Long An")
        #expect(old.scheme == .pre2025)
        #expect(old.communeCode == "27961")
        #expect(old.districtCode == "802")
        #expect(old.provinceCode == "80")
        #expect(old.currentCommuneCodes == ["27952"])
    }

    @Test func bareNameAloneBeforeACurrentProvinceIsTheCurrentCommune() throws {
        let (current, _) = try normalize("Hòa Thành, Tây Ninh")
        #expect(current.scheme == .from2025)
        #expect(current.communeCode == "25645")
        let (district, _) = try normalize("Thị xã Hòa Thành, Tây Ninh")
        #expect(district.scheme == .pre2025)
        #expect(district.districtCode == "709")
        #expect(district.provinceCode == "72")
        #expect(district.currentProvinceCode == "80")
    }

    @Test func splitCommuneListsEveryCandidate() throws {
        let result = AddressNormalizer.normalize("Phường Cống Vị, Quận Ba Đình, Hà Nội", reference: try ReferenceFixture.load())
        let address = try #require(result.value)
        #expect(address.communeCode == "00007")
        #expect(address.currentCommuneCodes == ["00008", "00025"])
        #expect(address.currentProvinceCode == "01")
        #expect(result.findings.map(\.rule) == ["address.split_commune"])
        #expect(result.findings.first?.message.contains("00008, 00025") == true)
    }

    @Test func curlyApostrophesInEthnicPlaceNames() throws {
        let (old, _) = try normalize("Thị trấn Ea Drăng, Huyện Ea H’leo, Tỉnh Đắk Lắk")
        #expect(old.communeCode == "24181")
        #expect(old.districtCode == "645")
        #expect(old.currentCommuneCodes == ["24181"])
        #expect(old.currentProvinceCode == "66")
        let (current, _) = try normalize("Xã Ea H'Leo, Đắk Lắk")
        #expect(current.scheme == .from2025)
        #expect(current.communeCode == "24184")
    }

    @Test func unknownPartsAreFindingsAndTheTextIsKept() throws {
        let (commune, communeRules) = try normalize("Xã Không Có, Huyện Đức Hòa, Tỉnh Long An")
        #expect(commune.districtCode == "802")
        #expect(commune.communeCode == nil)
        #expect(commune.currentCommuneCodes.isEmpty)
        #expect(commune.currentProvinceCode == "80")
        #expect(commune.text == "Xã Không Có, Huyện Đức Hòa, Tỉnh Long An")
        #expect(communeRules.contains("address.unknown_commune"))
        let (province, provinceRules) = try normalize("Số 5, Xã Tân Phú, Tỉnh Atlantis")
        #expect(province.scheme == nil)
        #expect(province.provinceCode == nil)
        #expect(provinceRules.contains("address.unknown_province"))
        let (district, districtRules) = try normalize("Xã Tân Phú, Huyện Không Có, Tỉnh Long An")
        #expect(districtRules.contains("address.unknown_district"))
        #expect(district.provinceCode == "80")
    }

    @Test func ambiguousCommuneWithoutProvince() throws {
        let (address, rules) = try normalize("Xã Tân Phú")
        #expect(address.communeCode == nil)
        #expect(rules.contains("address.ambiguous_commune"))
        #expect(rules.contains("address.unknown_province"))
    }

    @Test func ambiguousDistrictAndNoCommune() throws {
        let (ambiguous, ambiguousRules) = try normalize("Xã Mỹ Hội, Huyện Châu Thành")
        #expect(ambiguous.districtCode == nil)
        #expect(ambiguousRules.contains("address.ambiguous_district"))
        let (districtOnly, rules) = try normalize("Huyện Đức Hòa, Long An")
        #expect(districtOnly.districtCode == "802")
        #expect(districtOnly.communeCode == nil)
        #expect(districtOnly.currentProvinceCode == "80")
        #expect(rules == ["address.crosswalked", "address.no_commune"])
    }

    @Test func districtWithoutProvinceInfersIt() throws {
        let (address, rules) = try normalize("Xã Tân Phú, Huyện Đức Hòa")
        #expect(address.provinceCode == "80")
        #expect(address.communeCode == "27961")
        #expect(rules.contains("address.province_inferred"))
    }

    @Test func emptyAddress() throws {
        let result = AddressNormalizer.normalize(" , ", reference: try ReferenceFixture.load())
        #expect(result.value?.communeCode == nil)
        let blank = AddressNormalizer.normalize("  ", reference: try ReferenceFixture.load())
        #expect(blank.value == nil)
        #expect(blank.findings.map(\.rule) == ["address.empty"])
    }
}
