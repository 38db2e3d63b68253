import Domain
import Reference

/// What the right-to-left reading of a free-text address makes of its last segments: the administrative
/// codes (crosswalked to 2025), every finding, and the segments it leaves for house number and street.
///
/// The reading looks at no more than the last `inspected` segments and at whether they are the whole address,
/// so this is the same for every address that agrees on those: what `AddressTailMemo` relies on.
struct AddressTail: Sendable {
    /// Codes, scheme and current units; no text, house number or street.
    var address: Address
    var findings: [Finding]
    /// How many trailing segments the reading looked at.
    var inspected: Int
    /// What is left of those segments after the reading (texts, in address order).
    var leftover: [String]

    /// The segments for house number and street: those the reading never looked at, then its leftover.
    func detail(of texts: [String]) -> [String] {
        Array(texts.dropLast(inspected)) + leftover
    }

    /// Reads the segments (`AddressSegment.splitTexts` of a non-empty canonical address).
    static func read(_ texts: [String], reference: ReferenceData) -> AddressTail {
        var parse = AddressParse(segments: texts.map(AddressSegment.init(text:)), reference: reference)
        parse.readProvince()
        parse.readDistrict()
        parse.readCommune()
        if !parse.hasProvince && !parse.findings.contains(where: { $0.rule == "address.unknown_province" }) {
            parse.note("address.unknown_province", .warning, "no province found in the address")
        }
        var address = Address()
        var findings = parse.findings
        if parse.isPre2025 {
            address.scheme = .pre2025
            address.provinceCode = parse.oldCommune?.provinceCode ?? parse.district?.provinceCode ?? parse.oldProvince?.code
            address.districtCode = parse.oldCommune?.districtCode ?? parse.district?.code
            address.communeCode = parse.oldCommune?.code
            AddressNormalizer.crosswalk(&address, reference: reference, findings: &findings)
        } else if parse.newCommune != nil || parse.newProvince != nil {
            address.scheme = .from2025
            address.provinceCode = parse.newCommune?.provinceCode ?? parse.newProvince?.code
            address.communeCode = parse.newCommune?.code
            address.currentCommuneCodes = address.communeCode.map { [$0] } ?? []
            address.currentProvinceCode = address.provinceCode
        }
        if address.scheme != nil, address.communeCode == nil,
            !findings.contains(where: { $0.rule.hasSuffix("_commune") })
        {
            findings.append(Finding(rule: "address.no_commune", severity: .info, message: "the address names no commune"))
        }
        let inspected = texts.count - parse.firstInspected
        let leftover = parse.segments.dropFirst(parse.firstInspected).map(\.text)
        return AddressTail(address: address, findings: findings, inspected: inspected, leftover: leftover)
    }
}
