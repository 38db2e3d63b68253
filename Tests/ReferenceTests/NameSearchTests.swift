import Domain
import Testing

@testable import Reference

@Suite struct NameSearchTests {
    @Test func provinceWithAndWithoutPrefixAndDiacritics() {
        #expect(shipped.findProvinces2025(foldedName: "tay ninh").map(\.code) == ["80"])
        #expect(shipped.findProvinces2025(foldedName: "tinh tay ninh").map(\.code) == ["80"])
        #expect(shipped.findProvinces2025(foldedName: TextFolding.fold("Tỉnh Tây Ninh")).map(\.code) == ["80"])
        #expect(shipped.findProvinces2025(foldedName: "thanh pho ho chi minh").map(\.code) == ["79"])
        #expect(shipped.findProvinces2025(foldedName: "long an").isEmpty)
        #expect(shipped.findProvincesPre2025(foldedName: "long an").map(\.code) == ["80"])
        #expect(shipped.findProvincesPre2025(foldedName: TextFolding.fold("Hòa Bình")).map(\.code) == ["17"])
    }

    @Test func commune2025NarrowedByProvince() {
        #expect(shipped.findCommunes2025(foldedName: "phuong ba dinh", provinceCode: nil).map(\.code) == ["00004"])
        #expect(shipped.findCommunes2025(foldedName: "ba dinh", provinceCode: "01").map(\.code) == ["00004"])
        #expect(shipped.findCommunes2025(foldedName: "ba dinh", provinceCode: "79").isEmpty)
    }

    @Test func districtAndCommunePre2025() {
        #expect(shipped.findDistrictsPre2025(foldedName: "quan ba dinh", provinceCode: "01").map(\.code) == ["001"])
        #expect(shipped.findDistrictsPre2025(foldedName: "ba dinh", provinceCode: nil).map(\.code) == ["001"])
        let phucXa = shipped.findCommunesPre2025(foldedName: TextFolding.fold("Phúc Xá"), districtCode: "001", provinceCode: nil)
        #expect(phucXa.map(\.code) == ["00001"])
        #expect(shipped.findCommunesPre2025(foldedName: "phuc xa", districtCode: "002", provinceCode: nil).isEmpty)
    }

    @Test func commonNamesHaveManyCandidatesUntilNarrowed() {
        let all = shipped.findCommunesPre2025(foldedName: "xa tan phu", districtCode: nil, provinceCode: nil)
        #expect(all.count > 5)
        #expect(all.allSatisfy { $0.name == "Xã Tân Phú" })
        let inLongAn = shipped.findCommunesPre2025(foldedName: "tan phu", districtCode: nil, provinceCode: "80")
        #expect(inLongAn.count < all.count)
        #expect(inLongAn.allSatisfy { $0.provinceCode == "80" })
    }

    @Test func typePrefixChoosesTheUnitButFallsBackToTheBareName() {
        // Numbered wards: "Phường 01" and "Phường 1" are the same name.
        let ward1 = shipped.findCommunesPre2025(foldedName: "phuong 01", districtCode: "764", provinceCode: nil)
        #expect(ward1.map(\.name) == ["Phường 1"])
        // A source calling a phường a "xã" still finds it through the bare name.
        #expect(shipped.findCommunes2025(foldedName: "xa ba dinh", provinceCode: "01").map(\.code) == ["00004"])
        // Without a province the exact "Xã Ba Đình" (Thanh Hóa) and "Xã Ba Dinh" (Quảng Ngãi) win over "Phường Ba Đình" (Hà Nội).
        #expect(shipped.findCommunes2025(foldedName: "xa ba dinh", provinceCode: nil).map(\.code) == ["16171", "21499"])
        #expect(shipped.findCommunes2025(foldedName: "ba dinh", provinceCode: nil).map(\.code) == ["00004", "16171", "21499"])
    }

    @Test func prefixSplitting() {
        #expect(UnitTypePrefix.split("thi tran ben luc") == ("thi tran", "ben luc"))
        #expect(UnitTypePrefix.split("thi xa ky anh") == ("thi xa", "ky anh"))
        #expect(UnitTypePrefix.split("xa") == (nil, "xa"))
        #expect(UnitTypePrefix.split("dac khu phu quoc") == ("dac khu", "phu quoc"))
    }
}
