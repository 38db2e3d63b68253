import Domain
import Reference

/// Vietnamese addresses to `Address`: parsed parts, codes in the scheme the address was written in, and
/// the 2025 units it lies in now.
///
/// Free text is split on commas (and before a unit type word when a comma is missing) and read from the
/// right: province, district (pre-2025 only), commune; what is left is house number and street. Type words
/// may be written out, abbreviated (`TP.`, `TX.`, `TT.`, `P.`, `Q.`, `X.`, `H.`, `T.`, `F.`) or left out, with or
/// without diacritics; `TP.HCM`, `HCM`, `Sài Gòn`, `HN`, `BRVT` are known province aliases.
///
/// **Scheme**: a district, or a province name retired on 1 July 2025 (Long An, Bình Dương …), means the
/// pre-2025 map; otherwise the 2025 map is tried first, then the pre-2025 one within the old province of the
/// same name (an old address without its district).
///
/// Findings: `address.empty` (warning, no value), `address.unknown_province`, `address.unknown_district`,
/// `address.unknown_commune`, `address.ambiguous_district`, `address.ambiguous_commune` (warnings: the text
/// is kept, the code left out), `address.no_commune` (info), `address.split_commune` (warning: every
/// candidate is listed, none is chosen), `address.no_crosswalk` (warning), `address.crosswalked` (info: an old
/// unit mapped to the 2025 map), `address.missing_comma`, `address.province_inferred` (info).
/// `fromCodes` adds `address.invalid_code` (error), `address.code_padded` (info), `address.code_mismatch`
/// and `address.district_in_2025` (warnings).
public enum AddressNormalizer {
    /// Free text → Address; see the type's documentation.
    public static func normalize(_ text: String, reference: ReferenceData) -> Normalized<Address> {
        normalize(text) { AddressTail.read($0, reference: reference) }
    }

    /// `normalize(text, reference: tails.reference)`, with the administrative reading of the address's last
    /// segments remembered in `tails` (see `AddressMemo`).
    public static func normalize(_ text: String, remembering tails: AddressMemo) -> Normalized<Address> {
        normalize(text) { tails.tail(of: $0) }
    }

    private static func normalize(_ text: String, reading: ([String]) -> AddressTail) -> Normalized<Address> {
        let canonical = VietnameseOrthography.canonicalText(text)
        guard !canonical.isEmpty else {
            return Normalized(nil, findings: [Finding(rule: "address.empty", severity: .warning, message: "the address is empty")])
        }
        let texts = AddressSegment.splitTexts(canonical)
        let tail = reading(texts)
        var address = tail.address
        address.text = canonical
        (address.houseNumber, address.street) = AddressDetail.parse(tail.detail(of: texts))
        return Normalized(address, findings: tail.findings)
    }

    /// Fills `currentCommuneCodes` and `currentProvinceCode` of a pre-2025 address from the 2025 crosswalk.
    static func crosswalk(_ address: inout Address, reference: ReferenceData, findings: inout [Finding]) {
        if let commune = address.communeCode {
            let targets = reference.newCommunes(forOldCommune: commune)
            var codes: [String] = []
            for target in targets where !codes.contains(target.newCommuneCode) { codes.append(target.newCommuneCode) }
            codes.sort()
            address.currentCommuneCodes = codes
            var provinces: [String] = []
            for target in targets where !provinces.contains(target.newProvinceCode) { provinces.append(target.newProvinceCode) }
            if provinces.count == 1 { address.currentProvinceCode = provinces[0] }
            if codes.isEmpty {
                findings.append(
                    Finding(
                        rule: "address.no_crosswalk", severity: .warning,
                        message: "old commune \(commune) has no entry in the 2025 crosswalk"))
            } else if codes.count > 1 {
                findings.append(
                    Finding(
                        rule: "address.split_commune", severity: .warning,
                        message:
                            "old commune \(commune) was split in 2025; it lies in one of \(codes.joined(separator: ", "))"))
            } else {
                findings.append(
                    Finding(
                        rule: "address.crosswalked", severity: .info,
                        message: "old commune \(commune) is commune \(codes[0]) since 1 July 2025"))
            }
        }
        if address.currentProvinceCode == nil, let province = address.provinceCode {
            address.currentProvinceCode = reference.newProvince(forOldProvince: province)
            if address.communeCode == nil, let current = address.currentProvinceCode {
                findings.append(
                    Finding(
                        rule: "address.crosswalked", severity: .info,
                        message: "old province \(province) is province \(current) since 1 July 2025"))
            }
        }
    }
}
