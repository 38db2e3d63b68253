import Domain
import Normalization

/// The comparison view of one person mention, computed once per mention so that comparing a pair
/// (done millions of times during blocking, estimation and scoring) only reads precomputed values:
/// no folding, decoding or allocation happens inside a comparison.
///
/// Strings that take part in exact comparisons are kept as `String` (folded keys are ASCII, and short
/// ASCII strings are stored inline and compared by bytes); strings fed to Jaro–Winkler are also kept as
/// UTF-8 byte arrays.
public struct PersonFeatures: Hashable, Sendable {
    /// Canonical full name with diacritics (`PersonName.full`, NFC) as UTF-8 bytes; empty when unknown.
    public var fullNameBytes: [UInt8]
    /// Folded full name ("nguyen van an") as UTF-8 bytes; empty when unknown.
    public var foldedFullNameBytes: [UInt8]
    /// Folded "middle given" ("van an"), the part of the name that regional surname spellings do not touch.
    public var foldedMiddleGivenBytes: [UInt8]
    /// The folded full name's words in sorted order ("an nguyen van"), to find the same name written in another order.
    public var sortedNameWordsBytes: [UInt8]
    /// Folded family name; empty when unknown.
    public var foldedFamily: String
    /// Folded middle name(s); empty when none or unknown.
    public var foldedMiddle: String
    /// Folded given name; empty when unknown.
    public var foldedGiven: String
    /// `SurnameClass.key` of the folded family name (huynh → hoang, vo → vu); empty when unknown.
    public var surnameClass: String
    public var birthDate: PartialDate?
    public var sex: Sex?
    /// The valid 12-digit personal number, if any.
    public var personalNumber: String?
    /// Birth year and sex encoded in `personalNumber`, used to check it against the other record.
    public var personalNumberDecoded: PersonalNumber.Decoded?
    /// Valid 9-digit legacy numbers (a person may have held several, one per issuing province), sorted.
    public var legacyNumbers: [String]
    /// Valid passport and social insurance numbers as `type:value` ("social_insurance:0123456789"), sorted, no
    /// duplicates: document numbers compare only within their type.
    public var documentNumbers: [String]
    /// House number and street of each address that names a street, folded, sorted, no duplicates.
    public var streets: [StreetAddress]
    /// Postal codes of the record's addresses, sorted, no duplicates.
    public var postalCodes: [String]
    /// 2025 commune codes of the record's addresses after the crosswalk (union), sorted, no duplicates.
    public var communeCodes: [String]
    /// 2025 province codes of the record's addresses (union), sorted, no duplicates.
    public var provinceCodes: [String]

    public init(_ person: PersonRecord) {
        let name = person.name
        fullNameBytes = Array((name?.full ?? "").utf8)
        foldedFamily = name?.family.map(TextFolding.fold) ?? ""
        foldedMiddle = name?.middle.map(TextFolding.fold) ?? ""
        foldedGiven = name?.given.map(TextFolding.fold) ?? ""
        foldedFullNameBytes = Array((name.map { TextFolding.fold($0.folded) } ?? "").utf8)
        let middleGiven = [foldedMiddle, foldedGiven].filter { !$0.isEmpty }.joined(separator: " ")
        foldedMiddleGivenBytes = Array(middleGiven.utf8)
        sortedNameWordsBytes = Self.sortedWords(foldedFullNameBytes)
        surnameClass = foldedFamily.isEmpty ? "" : SurnameClass.key(foldedFamily)
        birthDate = person.birthDate
        sex = person.sex
        personalNumber = person.personalNumber
        personalNumberDecoded = personalNumber.flatMap(PersonalNumber.decode)
        legacyNumbers = Array(
            Set(person.identifiers.filter { $0.type == .legacyID9 && $0.isValid && !$0.value.isEmpty }.map(\.value))
        ).sorted()
        documentNumbers = Self.documentNumbers(person.identifiers)
        streets = StreetAddress.of(person.addresses)
        postalCodes = Array(Set(person.addresses.compactMap(\.postalCode))).sorted()
        communeCodes = Array(Set(person.addresses.flatMap(\.currentCommuneCodes))).sorted()
        provinceCodes = Array(Set(person.addresses.compactMap(\.currentProvinceCode))).sorted()
    }

    /// The words of a folded name, sorted, joined by one space. The words are sorted as slices of `bytes` (no copy
    /// per word): this runs for every person of a resolution.
    static func sortedWords(_ bytes: [UInt8]) -> [UInt8] {
        let words = bytes.split(separator: 0x20)
        guard words.count > 1 else { return bytes }
        var sorted: [UInt8] = []
        sorted.reserveCapacity(bytes.count)
        for word in words.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if !sorted.isEmpty { sorted.append(0x20) }
            sorted.append(contentsOf: word)
        }
        return sorted
    }

    /// The identifier types compared as document numbers.
    public static let documentNumberTypes: Set<IdentifierType> = [.passport, .socialInsurance]

    /// `type:value` of each valid document number, sorted, no duplicates. Only values of ASCII letters and digits
    /// count (a passport number is taken as the source wrote it; the index keeps the list comma-separated).
    public static func documentNumbers(_ identifiers: [Identifier]) -> [String] {
        func plain(_ value: String) -> Bool {
            !value.isEmpty && value.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
        }
        let typed = identifiers.filter { documentNumberTypes.contains($0.type) && $0.isValid && plain($0.value) }
        return Array(Set(typed.map { "\($0.type.rawValue):\($0.value)" })).sorted()
    }

    /// True when the person has a name to compare.
    public var hasName: Bool { !foldedFullNameBytes.isEmpty }

    /// True when the two sorted code lists share a value. Linear merge, no allocation.
    static func overlap(_ a: [String], _ b: [String]) -> Bool {
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }
}
