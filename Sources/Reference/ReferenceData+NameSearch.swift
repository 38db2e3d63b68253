/// Name lookups for address parsing. `foldedName` is `TextFolding.fold` output (folding again is harmless);
/// it may carry the unit-type prefix (xa, phuong, thi tran, dac khu, huyen, quan, thi xa, thanh pho, tinh) or not.
/// Results keep the tables' code order.
extension ReferenceData {
    public func findProvinces2025(foldedName: String) -> [Province2025] {
        names.provinces2025.positions(matching: foldedName).map { provinces2025[$0] }
    }

    /// Communes of the 2025 map named `foldedName`, in `provinceCode` when given.
    public func findCommunes2025(foldedName: String, provinceCode: String?) -> [Commune2025] {
        names.communes2025.positions(matching: foldedName) { provinceCode == nil || communes2025[$0].provinceCode == provinceCode }
            .map { communes2025[$0] }
    }

    public func findProvincesPre2025(foldedName: String) -> [ProvincePre2025] {
        names.provincesPre2025.positions(matching: foldedName).map { provincesPre2025[$0] }
    }

    /// Districts of the pre-2025 map named `foldedName`, in `provinceCode` when given.
    public func findDistrictsPre2025(foldedName: String, provinceCode: String?) -> [DistrictPre2025] {
        names.districtsPre2025.positions(matching: foldedName) {
            provinceCode == nil || districtsPre2025[$0].provinceCode == provinceCode
        }.map { districtsPre2025[$0] }
    }

    /// Communes of the pre-2025 map named `foldedName`, in `districtCode` and `provinceCode` when given.
    public func findCommunesPre2025(foldedName: String, districtCode: String?, provinceCode: String?) -> [CommunePre2025] {
        names.communesPre2025.positions(matching: foldedName) {
            (districtCode == nil || communesPre2025[$0].districtCode == districtCode)
                && (provinceCode == nil || communesPre2025[$0].provinceCode == provinceCode)
        }.map { communesPre2025[$0] }
    }
}
