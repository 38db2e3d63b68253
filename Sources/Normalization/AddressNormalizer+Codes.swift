import Domain
import Reference

extension AddressNormalizer {
    /// From codes (structured sources): validates the codes against the scheme's lists, fills the levels the
    /// commune implies, and crosswalks pre2025 → 2025. `detail` (house number and street, or the whole address
    /// as text) is kept as `text` and parsed for house number and street.
    ///
    /// Codes that lost their leading zeros (`1` for `01`, a spreadsheet habit) are padded (`address.code_padded`);
    /// non-digit codes are `address.invalid_code` (error); unknown codes `address.unknown_*`; a district or
    /// province that disagrees with the commune's is `address.code_mismatch` (the commune wins); a district
    /// in the 2025 scheme is `address.district_in_2025` (dropped: the 2025 map has no districts).
    public static func fromCodes(
        communeCode: String?, districtCode: String?, provinceCode: String?, scheme: AdminScheme, detail: String?,
        reference: ReferenceData
    ) -> Normalized<Address> {
        let codes = AddressCodes(commune: communeCode, district: districtCode, province: provinceCode, scheme: scheme)
        return fromCodes(codes, detail: detail) { readCodes($0, hasText: $1, reference: reference) }
    }

    /// `fromCodes(…, reference: memo.reference)` with the reading of the codes remembered in `memo`.
    public static func fromCodes(_ codes: AddressCodes, detail: String?, remembering memo: AddressMemo) -> Normalized<Address> {
        fromCodes(codes, detail: detail) { memo.reading(of: $0, hasText: $1) }
    }

    private static func fromCodes(
        _ codes: AddressCodes, detail: String?, reading: (AddressCodes, Bool) -> Normalized<Address>
    ) -> Normalized<Address> {
        let text = detail.map { VietnameseOrthography.canonicalText($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let read = reading(codes, text != nil)
        guard var address = read.value else { return read }
        if let text {
            address.text = text
            let detailParts = SimpleText.split(text, on: UInt8(ascii: ",")).map { $0.trimmingSpaces() }
            (address.houseNumber, address.street) = AddressDetail.parse(detailParts)
        }
        return Normalized(address, findings: read.findings)
    }

    /// The codes alone: everything `fromCodes` finds but the text, house number and street (`hasText`: whether
    /// a non-empty detail text is given, which only decides `address.empty`).
    static func readCodes(_ codes: AddressCodes, hasText: Bool, reference: ReferenceData) -> Normalized<Address> {
        let scheme = codes.scheme
        var findings: [Finding] = []
        let commune = code(codes.commune, length: 5, level: "commune", findings: &findings)
        var district = code(codes.district, length: 3, level: "district", findings: &findings)
        var province = code(codes.province, length: 2, level: "province", findings: &findings)
        guard commune != nil || district != nil || province != nil || hasText else {
            let empty = Finding(rule: "address.empty", severity: .warning, message: "no address codes and no text")
            return Normalized(nil, findings: findings + [empty])
        }
        var address = Address(scheme: scheme)
        switch scheme {
        case .pre2025:
            if let code = commune {
                if let unit = reference.communePre2025(code: code) {
                    address.communeCode = code
                    check(&district, against: unit.districtCode, level: "district", commune: code, findings: &findings)
                    check(&province, against: unit.provinceCode, level: "province", commune: code, findings: &findings)
                } else {
                    unknown("commune", code, scheme, &findings)
                }
            }
            if let code = district {
                if let unit = reference.districtPre2025(code: code) {
                    address.districtCode = code
                    check(&province, against: unit.provinceCode, level: "province", commune: nil, findings: &findings)
                } else {
                    unknown("district", code, scheme, &findings)
                }
            }
            if let code = province {
                if reference.provincePre2025(code: code) != nil { address.provinceCode = code }
                else { unknown("province", code, scheme, &findings) }
            }
            crosswalk(&address, reference: reference, findings: &findings)
        case .from2025:
            if let code = district {
                findings.append(
                    Finding(
                        rule: "address.district_in_2025", severity: .warning,
                        message: "district \(code) given with 2025 codes; the 2025 map has no districts"))
            }
            if let code = commune {
                if let unit = reference.commune2025(code: code) {
                    address.communeCode = code
                    address.currentCommuneCodes = [code]
                    check(&province, against: unit.provinceCode, level: "province", commune: code, findings: &findings)
                } else {
                    unknown("commune", code, scheme, &findings)
                }
            }
            if let code = province {
                if reference.province2025(code: code) != nil { address.provinceCode = code }
                else { unknown("province", code, scheme, &findings) }
            }
            address.currentProvinceCode = address.provinceCode
        }
        return Normalized(address, findings: findings)
    }

    /// Trimmed digits padded to `length`; nil (with a finding) for an empty or malformed code.
    private static func code(_ raw: String?, length: Int, level: String, findings: inout [Finding]) -> String? {
        guard let trimmed = raw?.trimmingSpaces(), !trimmed.isEmpty else { return nil }
        guard trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), trimmed.utf8.count <= length else {
            findings.append(
                Finding(
                    rule: "address.invalid_code", severity: .error,
                    message: "\(level) code '\(trimmed)' is not \(length) digits"))
            return nil
        }
        guard trimmed.utf8.count < length else { return trimmed }
        let padded = String(repeating: "0", count: length - trimmed.utf8.count) + trimmed
        findings.append(
            Finding(rule: "address.code_padded", severity: .info, message: "\(level) code '\(trimmed)' read as '\(padded)'"))
        return padded
    }

    /// Replaces a given higher-level code by the one the commune (or district) implies, noting a disagreement.
    private static func check(
        _ given: inout String?, against implied: String, level: String, commune: String?, findings: inout [Finding]
    ) {
        if let value = given, value != implied {
            let unit = commune.map { "commune \($0)" } ?? "the district"
            findings.append(
                Finding(
                    rule: "address.code_mismatch", severity: .warning,
                    message: "\(level) code \(value) disagrees with \(unit), which lies in \(level) \(implied)"))
        }
        given = implied
    }

    private static func unknown(_ level: String, _ code: String, _ scheme: AdminScheme, _ findings: inout [Finding]) {
        findings.append(
            Finding(
                rule: "address.unknown_\(level)", severity: .warning,
                message: "no \(level) has code \(code) in the \(scheme.rawValue) list"))
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        guard let first = utf8.first, let last = utf8.last else { return "" }
        // The first and last Characters start and end with these bytes: neither can be a lone space, tab or break.
        if !Self.isSpaceByte(first), !Self.isSpaceByte(last) { return String(self) }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }

    private static func isSpaceByte(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20 { return self }
        return self[...].trimmingSpaces()
    }
}
