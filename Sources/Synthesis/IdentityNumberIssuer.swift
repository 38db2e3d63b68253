import Domain
import Normalization

/// Hands out unique personal numbers and CMND numbers. Serials come from per-key counters run through a
/// bijective affine map, so they look random yet never repeat.
struct IdentityNumberIssuer {
    /// Per (3-digit prefix, century/sex digit, two-digit year): how many numbers were issued.
    private var personalCounters = [Int32](repeating: 0, count: 1000 * 10 * 100)
    /// Per two-digit CMND issuing code.
    private var cmndCounters = [Int32](repeating: 0, count: 100)
    /// Synthetic CMND issuing codes by pre-2025 province code (the real police code table is not in our data).
    private let cmndIssuer: [String: String]

    init(oldProvinceCodes: [String]) {
        var issuers: [String: String] = ["01": "01", "79": "02", "31": "03"]
        var next = 10
        for code in oldProvinceCodes where issuers[code] == nil {
            issuers[code] = TextFormatting.padded(next, width: 2)
            next += 1
        }
        cmndIssuer = issuers
    }

    /// A new 12-digit number for someone registered at birth under `prefix` (3 digits); nil only if the
    /// million serials of that prefix, sex and year are exhausted.
    mutating func personalNumber(prefix: String, sex: Sex, year: Int) -> String? {
        guard let prefixValue = Int(prefix), (0..<1000).contains(prefixValue), (1900...2099).contains(year) else { return nil }
        let centuryDigit = ((year - 1900) / 100) * 2 + (sex == .female ? 1 : 0)
        let key = (prefixValue * 10 + centuryDigit) * 100 + year % 100
        let issued = Int(personalCounters[key])
        guard issued < 1_000_000 else { return nil }
        personalCounters[key] += 1
        let serial = (issued &* 738_979 &+ key &* 7_919) % 1_000_000
        return PersonalNumber.compose(provinceCode: prefix, sex: sex, birthYear: year, serial: serial)
    }

    /// A new 9-digit CMND number issued in old province `provinceCode`.
    mutating func cmnd(provinceCode: String) -> String? {
        guard let issuer = cmndIssuer[provinceCode], let issuerValue = Int(issuer) else { return nil }
        let issued = Int(cmndCounters[issuerValue])
        guard issued < 10_000_000 else { return nil }
        cmndCounters[issuerValue] += 1
        let serial = (issued &* 7_654_321 &+ issuerValue &* 104_729 &+ 1) % 10_000_000
        return issuer + TextFormatting.padded(serial, width: 7)
    }
}
