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
        surnameClass = foldedFamily.isEmpty ? "" : SurnameClass.key(foldedFamily)
        birthDate = person.birthDate
        sex = person.sex
        personalNumber = person.personalNumber
        personalNumberDecoded = personalNumber.flatMap(PersonalNumber.decode)
        legacyNumbers = Array(
            Set(person.identifiers.filter { $0.type == .legacyID9 && $0.isValid && !$0.value.isEmpty }.map(\.value))
        ).sorted()
        communeCodes = Array(Set(person.addresses.flatMap(\.currentCommuneCodes))).sorted()
        provinceCodes = Array(Set(person.addresses.compactMap(\.currentProvinceCode))).sorted()
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
