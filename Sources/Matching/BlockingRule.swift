/// A value of a mention that blocking keys are built from.
public enum BlockingKeyPart: String, Codable, Sendable, CaseIterable {
    case personalNumber = "personal_number"
    case foldedFullName = "folded_full_name"
    case foldedGivenName = "folded_given_name"
    case surnameClass = "surname_class"
    case birthYear = "birth_year"
    /// The full birth date (`1987-03-09`); missing when the record gives only a year or a month.
    case birthDate = "birth_date"
    /// 2025 province code(s); several when the record has addresses in several provinces.
    case provinceCode = "province_code"
    /// 2025 commune code(s); several for split communes or several addresses.
    case communeCode = "commune_code"
    case legacyID9 = "legacy_id9"
    /// Passport and social insurance numbers (`type:value`), each a key of its own.
    case documentNumber = "document_number"
    /// House number and street of each address, folded (`StreetAddress.stored`).
    case streetAddress = "street_address"
    /// Postal codes of the addresses.
    case postalCode = "postal_code"

    /// The part's values for a mention: empty when missing, several when multi-valued.
    func values(_ features: PersonFeatures) -> [String] {
        switch self {
        case .personalNumber: return features.personalNumber.map { [$0] } ?? []
        case .foldedFullName: return features.hasName ? [String(decoding: features.foldedFullNameBytes, as: UTF8.self)] : []
        case .foldedGivenName: return features.foldedGiven.isEmpty ? [] : [features.foldedGiven]
        case .surnameClass: return features.surnameClass.isEmpty ? [] : [features.surnameClass]
        case .birthYear: return features.birthDate.map { [String($0.year)] } ?? []
        case .provinceCode: return features.provinceCodes
        case .communeCode: return features.communeCodes
        case .birthDate:
            guard let date = features.birthDate, date.day != nil else { return [] }
            return [date.description]
        case .legacyID9: return features.legacyNumbers
        case .documentNumber: return features.documentNumbers
        case .streetAddress: return features.streets.map(\.stored)
        case .postalCode: return features.postalCodes
        }
    }
}

/// A blocking rule: only mentions that share a key of some rule are compared, which turns the all-pairs
/// problem into a near-linear one. Several looser rules together recover matches any single rule misses
/// (a missing 12-digit number, a misspelt name, a moved address).
public struct BlockingRule: Codable, Sendable, Hashable {
    public var name: String
    public var parts: [BlockingKeyPart]

    public init(name: String, parts: [BlockingKeyPart]) {
        self.name = name
        self.parts = parts
    }

    /// The parts as the store records them beside the rule's keys ("folded_full_name,birth_year").
    public var partsText: String { parts.map(\.rawValue).joined(separator: ",") }

    /// The mention's keys under this rule: one per combination of the parts' values, the values joined by
    /// "|". Empty when any part is missing. Keys are only meaningful within one rule.
    public func keys(_ features: PersonFeatures) -> [String] {
        guard !parts.isEmpty else { return [] }
        var keys = [""]
        for (index, part) in parts.enumerated() {
            let values = part.values(features)
            if values.isEmpty { return [] }
            keys = keys.flatMap { prefix in values.map { index == 0 ? $0 : prefix + "|" + $0 } }
        }
        return keys
    }

    /// Exact 12-digit number; folded full name + birth year; folded given name + birth year + province;
    /// surname class + given name + commune; legacy 9-digit number; passport or social insurance number.
    public static let defaults: [BlockingRule] = [
        BlockingRule(name: "personal_number", parts: [.personalNumber]),
        BlockingRule(name: "full_name_birth_year", parts: [.foldedFullName, .birthYear]),
        BlockingRule(name: "given_name_birth_year_province", parts: [.foldedGivenName, .birthYear, .provinceCode]),
        BlockingRule(name: "surname_class_given_name_commune", parts: [.surnameClass, .foldedGivenName, .communeCode]),
        BlockingRule(name: "legacy_id9", parts: [.legacyID9]),
        BlockingRule(name: "document_number", parts: [.documentNumber]),
    ]
}

extension BlockingRule {
    /// The mention's keys under this rule as 64-bit hashes (FNV-1a of the key text, bit pattern as `Int64`):
    /// what the store indexes to find an incoming mention's candidates.
    public func keyHashes(_ features: PersonFeatures) -> [Int64] {
        keys(features).map { Int64(bitPattern: HashedKeys.hash($0)) }
    }
}
