import Domain
import Reference

/// The right-to-left reading of one free-text address: province, then (pre-2025) district, then commune,
/// each looked up in the reference lists within the unit found before it. What is left on the left is
/// the house number and street.
struct AddressParse {
    let reference: ReferenceData
    /// Segments not yet read, in address order; units are taken from the end.
    var segments: [AddressSegment]
    var findings: [Finding] = []
    var oldProvince: ProvincePre2025?
    var newProvince: Province2025?
    var district: DistrictPre2025?
    var oldCommune: CommunePre2025?
    var newCommune: Commune2025?
    /// The index of the first segment the reading has looked at. Segments before it are neither read nor
    /// changed: the outcome depends only on the segments from here on and on whether this is 0.
    private(set) var firstInspected: Int

    init(segments: [AddressSegment], reference: ReferenceData) {
        self.segments = segments
        self.reference = reference
        firstInspected = segments.count
    }

    /// `segments.last`, noting that the reading looked at it (or, with no segments left, at their absence).
    private mutating func inspectLast() -> AddressSegment? {
        firstInspected = min(firstInspected, max(segments.count - 1, 0))
        return segments.last
    }

    /// True once a province of either scheme is known.
    var hasProvince: Bool { oldProvince != nil || newProvince != nil }

    /// True when the address reads as the pre-2025 three-level map: a district, or an old-only province name.
    var isPre2025: Bool {
        district != nil || oldCommune != nil || (oldProvince != nil && newProvince == nil)
    }

    // MARK: - Province

    mutating func readProvince() {
        guard let last = inspectLast() else { return }
        let mayBeProvince = last.level != .district && last.level != .commune
        if mayBeProvince, let (old, new) = provinces(named: last.bare) {
            (oldProvince, newProvince) = (old, new)
            segments.removeLast()
        } else if let split = splitTrailing(last, maxWords: 5, where: { provinces(named: $0.bare) }) {
            (oldProvince, newProvince) = split.result
            replaceLast(with: split)
        } else if last.level == .province {
            note("address.unknown_province", .warning, "no province named '\(last.text)'")
            segments.removeLast()
        }
    }

    /// The provinces of both maps with this bare name (one of them at least), or nil.
    private func provinces(named bare: String) -> (ProvincePre2025?, Province2025?)? {
        let old = reference.findProvincesPre2025(foldedName: bare)
        let new = reference.findProvinces2025(foldedName: bare)
        guard old.count == 1 || new.count == 1 else { return nil }
        return (old.count == 1 ? old[0] : nil, new.count == 1 ? new[0] : nil)
    }

    // MARK: - District (pre-2025)

    mutating func readDistrict() {
        guard oldProvince != nil || !hasProvince, let last = inspectLast() else { return }
        let typed = last.level == .district || last.level == .city
        guard typed || (last.level == nil && oldProvince != nil) else { return }
        if !typed, segments.count == 1, let newProvince,
            !reference.findCommunes2025(foldedName: last.query, provinceCode: newProvince.code).isEmpty
        {
            return  // "Hòa Thành, Tây Ninh": nothing left of it, and a current commune of that name exists
        }
        let provinceCode = oldProvince?.code
        let found = reference.findDistrictsPre2025(foldedName: last.query, provinceCode: provinceCode)
        if found.count == 1 {
            setDistrict(found[0])
            segments.removeLast()
        } else if found.count > 1 {
            note("address.ambiguous_district", .warning, "\(found.count) districts are named '\(last.text)'")
            segments.removeLast()
        } else if let provinceCode, let split = splitTrailing(last, maxWords: 4, where: {
            let match = reference.findDistrictsPre2025(foldedName: $0.query, provinceCode: provinceCode)
            return match.count == 1 ? match[0] : nil
        }) {
            setDistrict(split.result)
            replaceLast(with: split)
        } else if typed {
            note("address.unknown_district", .warning, "no district named '\(last.text)'\(inProvince)")
            segments.removeLast()
        }
    }

    private mutating func setDistrict(_ found: DistrictPre2025) {
        district = found
        if oldProvince == nil, let province = reference.provincePre2025(code: found.provinceCode) {
            oldProvince = province
            note("address.province_inferred", .info, "province '\(province.name)' inferred from the district")
        }
    }

    // MARK: - Commune

    mutating func readCommune() {
        guard let last = inspectLast(), last.level == .commune || last.level == nil else { return }
        guard last.level != nil || hasProvince else { return }
        switch lookupCommune(last.query) {
        case .one(let old, let new):
            (oldCommune, newCommune) = (old, new)
            segments.removeLast()
        case .many(let count):
            note("address.ambiguous_commune", .warning, "\(count) communes are named '\(last.text)'\(inProvince)")
            segments.removeLast()
        case .none:
            if hasProvince, let split = splitTrailing(last, maxWords: 4, where: { segment -> (CommunePre2025?, Commune2025?)? in
                guard case .one(let old, let new) = lookupCommune(segment.query) else { return nil }
                return (old, new)
            }) {
                (oldCommune, newCommune) = split.result
                replaceLast(with: split)
            } else if last.level == .commune {
                note("address.unknown_commune", .warning, "no commune named '\(last.text)'\(inProvince)")
                segments.removeLast()
            }
        }
    }

    private enum CommuneMatch {
        case none
        case one(CommunePre2025?, Commune2025?)
        case many(Int)
    }

    /// Pre-2025 within the district or old province when the address is old; otherwise 2025 within the new
    /// province, then pre-2025 within the old one (an old address without its district); nationwide last.
    private func lookupCommune(_ query: String) -> CommuneMatch {
        func old(_ districtCode: String?, _ provinceCode: String?) -> CommuneMatch {
            let found = reference.findCommunesPre2025(foldedName: query, districtCode: districtCode, provinceCode: provinceCode)
            return found.count == 1 ? .one(found[0], nil) : found.isEmpty ? .none : .many(found.count)
        }
        func new(_ provinceCode: String?) -> CommuneMatch {
            let found = reference.findCommunes2025(foldedName: query, provinceCode: provinceCode)
            return found.count == 1 ? .one(nil, found[0]) : found.isEmpty ? .none : .many(found.count)
        }
        if isPre2025 { return old(district?.code, oldProvince?.code) }
        if let newProvince {
            let current = new(newProvince.code)
            guard case .none = current, let oldProvince else { return current }
            return old(nil, oldProvince.code)
        }
        let current = new(nil)
        guard case .none = current else { return current }
        return old(nil, nil)
    }

    // MARK: - Helpers

    /// Tries the last 1…`maxWords` words of `segment` (longest first, never the whole segment) as a unit
    /// named without a comma before it: the words before it, the unit's words, and what `matched` found.
    private func splitTrailing<T>(
        _ segment: AddressSegment, maxWords: Int, where matched: (AddressSegment) -> T?
    ) -> (remainder: AddressSegment, tail: AddressSegment, result: T)? {
        let words = SimpleText.split(segment.text, on: UInt8(ascii: " "))
        guard words.count >= 2 else { return nil }
        for length in stride(from: min(maxWords, words.count - 1), through: 1, by: -1) {
            let remainder = AddressSegment(text: words.dropLast(length).joined(separator: " "))
            guard !remainder.isTypeWordOnly else { continue }  // "Xã Long An" is a commune, not "Xã" + Long An
            let tail = AddressSegment(text: words.suffix(length).joined(separator: " "))
            if let result = matched(tail) { return (remainder, tail, result) }
        }
        return nil
    }

    /// Puts the words before a unit found without a comma back as the last segment; notes `address.missing_comma`.
    private mutating func replaceLast<T>(with split: (remainder: AddressSegment, tail: AddressSegment, result: T)) {
        segments[segments.count - 1] = split.remainder
        note("address.missing_comma", .info, "'\(split.tail.text)' read as a unit written without a comma before it")
    }

    private var inProvince: String {
        if let district { return " in \(district.name)" }
        if let name = newProvince?.name ?? oldProvince?.name { return " in \(name)" }
        return ""
    }

    mutating func note(_ rule: String, _ severity: Finding.Severity, _ message: String) {
        findings.append(Finding(rule: rule, severity: severity, message: message))
    }
}
