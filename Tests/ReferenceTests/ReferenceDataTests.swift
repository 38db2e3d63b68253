import Domain
import Foundation
import Testing

@testable import Reference

/// The shipped tables, loaded once for all tests.
let shipped: ReferenceData = {
    do {
        return try ReferenceData.loadDefault()
    } catch {
        preconditionFailure("reference data must load in tests: \(error)")
    }
}()

@Suite struct ReferenceDataTests {
    @Test func countsMatchTheOfficialLists() {
        #expect(shipped.provinces2025.count == 34)
        #expect(shipped.communes2025.count == 3321)
        #expect(shipped.provincesPre2025.count == 63)
        #expect(shipped.districtsPre2025.count == 696)
        #expect(shipped.communesPre2025.count == 10051)
    }

    @Test func theSameCodeNamesDifferentProvincesBeforeAndAfter2025() {
        #expect(shipped.province2025(code: "80")?.name == "Tỉnh Tây Ninh")
        #expect(shipped.provincePre2025(code: "80")?.name == "Tỉnh Long An")
        #expect(shipped.provincePre2025(code: "72")?.name == "Tỉnh Tây Ninh")
        #expect(shipped.province2025(code: "72") == nil)
        #expect(shipped.province2025(code: "79")?.type == "thành phố trung ương")
    }

    @Test func provinceCrosswalk() {
        #expect(shipped.newProvince(forOldProvince: "77") == "79")
        #expect(shipped.newProvince(forOldProvince: "74") == "79")
        #expect(shipped.newProvince(forOldProvince: "80") == "80")
        #expect(shipped.newProvince(forOldProvince: "72") == "80")
        #expect(shipped.newProvince(forOldProvince: "01") == "01")
        #expect(shipped.newProvince(forOldProvince: "99") == nil)
    }

    @Test func knownCommunesAndDistricts() {
        #expect(shipped.commune2025(code: "00004") == Commune2025(code: "00004", name: "Phường Ba Đình", type: "phường", provinceCode: "01"))
        #expect(shipped.communePre2025(code: "00001") == CommunePre2025(code: "00001", name: "Phường Phúc Xá", districtCode: "001", provinceCode: "01"))
        #expect(shipped.districtPre2025(code: "001") == DistrictPre2025(code: "001", name: "Quận Ba Đình", provinceCode: "01"))
        #expect(shipped.commune2025(code: "99999") == nil)
        #expect(shipped.communes2025.filter { $0.type == "đặc khu" }.count == 13)
    }

    @Test func wholeMergerGivesOneTarget() {
        let targets = shipped.newCommunes(forOldCommune: "00001")
        #expect(targets == [CrosswalkTarget(newCommuneCode: "00097", newProvinceCode: "01", isPartial: false)])
    }

    @Test func splitOldCommuneGivesSeveralPartialTargets() {
        let targets = shipped.newCommunes(forOldCommune: "00019")
        #expect(targets.map(\.newCommuneCode) == ["00004", "00070", "00190", "00226"])
        #expect(targets.allSatisfy { $0.isPartial && $0.newProvinceCode == "01" })
        #expect(shipped.newCommunes(forOldCommune: "12345").isEmpty)
    }

    @Test func everyCrosswalkTargetIsA2025Commune() {
        var mapped = 0
        for commune in shipped.communesPre2025 {
            for target in shipped.newCommunes(forOldCommune: commune.code) {
                mapped += 1
                #expect(shipped.commune2025(code: target.newCommuneCode)?.provinceCode == target.newProvinceCode)
            }
        }
        #expect(mapped > 10_000)
    }

    @Test func birthRegistrationAndLandUse() {
        #expect(shipped.birthRegistrationProvince(code: "001") == "Thành phố Hà Nội")
        #expect(shipped.birthRegistrationProvince(code: "080") == "Tỉnh Long An")
        #expect(shipped.birthRegistrationProvince(code: "096") == "Tỉnh Cà Mau")
        #expect(shipped.birthRegistrationProvince(code: "003") == nil)
        #expect(shipped.landUseName(code: "ODT") == "Đất ở tại đô thị")
        #expect(shipped.landUseName(code: "luc") == "Đất chuyên trồng lúa nước")
        #expect(shipped.landUseName(code: "TSL") == "Đất nuôi trồng thủy sản nước lợ, nước mặn")
        #expect(shipped.landUseName(code: "XYZ") == nil)
    }

    @Test func loadingIsFast() throws {
        guard let directory = ReferenceData.defaultDirectory() else {
            Issue.record("no reference directory")
            return
        }
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try ReferenceData.load(directory: directory) }
        // Generous bound for a debug build on a busy 2-core machine; release is far below 100 ms.
        #expect(elapsed < .seconds(2))
    }
}
