import Domain
import Matching
import Testing

@Suite struct ComparisonTests {
    typealias P = PersonFixture

    private func nameLevel(_ a: PersonFeatures, _ b: PersonFeatures) -> NameLevel? {
        NameLevel(rawValue: Comparison.name.level(a, b))
    }

    @Test func nameLevels() {
        let an = P.features()
        #expect(nameLevel(an, P.features()) == .exact)
        #expect(nameLevel(an, P.features(family: "Nguyen", middle: "Van", given: "An")) == .exactFolded)
        // Huỳnh ≡ Hoàng, same middle and given.
        #expect(
            nameLevel(P.features(family: "Huỳnh", middle: "Thị", given: "Lan"), P.features(family: "Hoàng", middle: "Thị", given: "Lan"))
                == .middleGivenSimilar)
        #expect(nameLevel(an, P.features(middle: "Văn", given: "Ánh")) == .middleGivenSimilar)
        #expect(nameLevel(an, P.features(middle: nil, given: "An")) == .givenExactMiddleMissing)
        #expect(nameLevel(an, P.features(family: "Nguyễn", middle: "Thị", given: "Anh")) == .fullSimilar)
        #expect(nameLevel(an, P.features(family: "Trần", middle: "Thị", given: "Bích")) == .disagree)
        // Given name first, as foreign documents write it; a typo is allowed.
        #expect(nameLevel(an, P.features(family: "Văn", middle: "An", given: "Nguyễn")) == .reordered)
        #expect(nameLevel(P.features(family: "Green", middle: nil, given: "Mitchell"), P.features(family: "Mitchell", middle: nil, given: "Greene")) == .reordered)
        // Names in the same order that differ in a word are similar, not reordered.
        #expect(nameLevel(an, P.features(family: "Nguyễn", middle: "Vinh", given: "An")) == .fullSimilar)
        #expect(nameLevel(P.features(family: "Trần", middle: "Thị Thu", given: "Hà"), P.features(family: "Trần", middle: "Thị Thanh", given: "Hà")) == .fullSimilar)
        // Neither side has a surname: not "another surname".
        #expect(nameLevel(P.features(family: nil, middle: "Văn", given: "An"), P.features(family: nil, middle: "Văn", given: "Anh")) != .middleGivenSimilarOtherSurname)
        // The surname changed, or is missing on one side; a typo in the given name is allowed.
        #expect(nameLevel(an, P.features(family: "Trần", middle: "Văn", given: "An")) == .middleGivenSimilarOtherSurname)
        #expect(nameLevel(an, P.features(family: nil, middle: "Văn", given: "An")) == .middleGivenSimilarOtherSurname)
        #expect(nameLevel(P.features(family: "Priest", middle: nil, given: "Keelin"), P.features(family: "Wouytch", middle: nil, given: "Keelni")) == .middleGivenSimilarOtherSurname)
        #expect(nameLevel(an, P.features(family: "Trần", middle: "Thị", given: "Bích")) == .disagree)
        #expect(nameLevel(an, P.features(noName: true)) == .null)
    }

    @Test func birthDateLevels() {
        func level(_ x: PartialDate?, _ y: PartialDate?) -> BirthDateLevel? {
            BirthDateLevel(rawValue: Comparison.birthDate.level(P.features(born: x), P.features(born: y)))
        }
        #expect(level(P.date(1987, 3, 9), P.date(1987, 3, 9)) == .exact)
        #expect(level(P.date(1987, 3, 9), P.date(1987, 3, 10)) == .sameYearMonth)
        #expect(level(P.date(1987, 3), P.date(1987, 3, 10)) == .sameYearMonth)
        #expect(level(P.date(1987), P.date(1987, 3, 9)) == .sameYearOneSideYearOnly)
        #expect(level(P.date(1987, 3, 9), P.date(1987, 9, 3)) == .dayMonthSwapped)
        #expect(level(P.date(1987, 3, 9), P.date(1988, 3, 9)) == .yearWithinOne)
        #expect(level(P.date(1987, 3, 9), P.date(1987, 4, 9)) == .oneDigitApart)
        #expect(level(P.date(1987, 3, 9), P.date(1978, 3, 9)) == .oneDigitApart)  // neighbours swapped
        #expect(level(P.date(1987, 3, 19), P.date(1987, 5, 21)) == .disagree)
        #expect(level(P.date(1987, 3, 9), P.date(1997, 3, 9)) == .oneDigitApart)
        #expect(level(P.date(1987, 3, 9), P.date(1997, 4, 9)) == .disagree)  // two digits
        #expect(level(P.date(1987, 3), P.date(1987, 4)) == .disagree)  // a typo needs full dates
        #expect(level(P.date(1987), P.date(1990)) == .disagree)
        #expect(level(nil, P.date(1987)) == .null)
    }

    @Test func identifierLevels() {
        func level(_ a: PersonFeatures, _ b: PersonFeatures) -> IdentifierLevel? {
            IdentifierLevel(rawValue: Comparison.identifiers.level(a, b))
        }
        let number = P.personalNumber(sex: .male, year: 1987)
        let other = P.personalNumber(sex: .male, year: 1987, serial: 654_321)
        let holder = P.features(personalNumber: number)
        #expect(level(holder, P.features(personalNumber: number)) == .samePersonalNumber)
        #expect(level(holder, P.features(personalNumber: other)) == .differentPersonalNumbers)
        #expect(level(holder, P.features(born: P.date(1987, 3, 9), sex: .male)) == .personalNumberConsistent)
        #expect(level(P.features(legacy: ["012345678"]), holder) == .personalNumberConsistent)
        #expect(level(holder, P.features()) == .personalNumberConsistent)
        #expect(level(holder, P.features(born: P.date(1988))) == .personalNumberInconsistent)
        #expect(level(holder, P.features(sex: .female)) == .personalNumberInconsistent)
        #expect(level(P.features(legacy: ["012345678"]), P.features(legacy: ["999999999", "012345678"])) == .sameLegacyNumber)
        #expect(level(P.features(legacy: ["012345678"]), P.features(legacy: ["999999999"])) == .differentLegacyNumbers)
        #expect(level(P.features(legacy: ["012345678"]), P.features()) == .null)
        #expect(level(P.features(), P.features()) == .null)
    }

    @Test func invalidPersonalNumberIsIgnored() {
        var record = PersonRecord(identifiers: [Identifier(type: .personalNumber, value: "001087123456", isValid: false)])
        record.sex = .male
        #expect(PersonFeatures(record).personalNumber == nil)
    }

    @Test func sexAndAddressLevels() {
        #expect(Comparison.sex.level(P.features(sex: .male), P.features(sex: .male)) == SexLevel.same.rawValue)
        #expect(Comparison.sex.level(P.features(sex: .male), P.features(sex: .female)) == SexLevel.different.rawValue)
        #expect(Comparison.sex.level(P.features(sex: .male), P.features()) == SexLevel.null.rawValue)

        func level(_ a: PersonFeatures, _ b: PersonFeatures) -> AddressLevel? {
            AddressLevel(rawValue: Comparison.address.level(a, b))
        }
        let split = P.features(communes: ["27952", "27955"], province: "80")
        #expect(level(split, P.features(communes: ["27955"], province: "80")) == .sameCommune)
        #expect(level(split, P.features(communes: ["27970"], province: "80")) == .sameProvince)
        #expect(level(split, P.features(province: "80")) == .sameProvince)
        #expect(level(split, P.features(communes: ["00004"], province: "01")) == .different)
        #expect(level(split, P.features()) == .null)
    }

    @Test func labelsCoverEveryLevel() {
        for comparison in Comparison.allCases {
            #expect(comparison.levelCount >= 3)
            #expect(comparison.labels.allSatisfy { !$0.isEmpty })
        }
        #expect(ComparisonSet.standard.count == 8)
        var buffer: [Int] = []
        ComparisonSet.standard.levels(P.features(), P.features(), into: &buffer)
        #expect(buffer == ComparisonSet.standard.levels(P.features(), P.features()))
        #expect(buffer == [NameLevel.exact.rawValue, 0, 0, 0, 0, 0, 0, 0])
    }
}
