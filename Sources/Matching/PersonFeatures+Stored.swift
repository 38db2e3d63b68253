import Domain
import Normalization

extension PersonFeatures {
    /// Rebuilds features from their stored parts (the resolver's person index), without the person record:
    /// the derived values (middle + given, surname class, the decoded personal number) are computed here
    /// exactly as `init(_ person:)` computes them, so both paths compare the same.
    public init(
        fullName: String, foldedFullName: String, foldedFamily: String, foldedMiddle: String, foldedGiven: String,
        birthDate: PartialDate?, sex: Sex?, personalNumber: String?, legacyNumbers: [String], documentNumbers: [String] = [],
        streets: [StreetAddress] = [], postalCodes: [String] = [], communeCodes: [String], provinceCodes: [String]
    ) {
        fullNameBytes = Array(fullName.utf8)
        foldedFullNameBytes = Array(foldedFullName.utf8)
        self.foldedFamily = foldedFamily
        self.foldedMiddle = foldedMiddle
        self.foldedGiven = foldedGiven
        let middleGiven = [foldedMiddle, foldedGiven].filter { !$0.isEmpty }.joined(separator: " ")
        foldedMiddleGivenBytes = Array(middleGiven.utf8)
        sortedNameWordsBytes = Self.sortedWords(foldedFullNameBytes)
        surnameClass = foldedFamily.isEmpty ? "" : SurnameClass.key(foldedFamily)
        self.birthDate = birthDate
        self.sex = sex
        self.personalNumber = personalNumber
        personalNumberDecoded = personalNumber.flatMap(PersonalNumber.decode)
        self.legacyNumbers = legacyNumbers.sorted()
        self.documentNumbers = documentNumbers.sorted()
        self.streets = streets.sorted()
        self.postalCodes = postalCodes.sorted()
        self.communeCodes = communeCodes.sorted()
        self.provinceCodes = provinceCodes.sorted()
    }

    /// The canonical full name with diacritics, as text.
    public var fullName: String { String(decoding: fullNameBytes, as: UTF8.self) }
    /// The folded full name, as text.
    public var foldedFullName: String { String(decoding: foldedFullNameBytes, as: UTF8.self) }
}
