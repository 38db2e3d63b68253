import Domain
import Foundation
import Normalization
import Testing

@Suite struct NameTests {
    @Test func upperCaseNameIsTitleCasedAndSplit() throws {
        let result = NameNormalizer.normalize("NGUYỄN VĂN AN")
        let name = try #require(result.value)
        #expect(name.full == "Nguyễn Văn An")
        #expect(name.family == "Nguyễn")
        #expect(name.middle == "Văn")
        #expect(name.given == "An")
        #expect(name.folded == "nguyen van an")
        #expect(name.asGiven == "NGUYỄN VĂN AN")
        #expect(result.findings.isEmpty)
    }

    @Test func decomposedOldToneSpacingIsCanonicalised() throws {
        let raw = "  trần   thị  thuỷ ".decomposedStringWithCanonicalMapping
        let name = try #require(NameNormalizer.normalize(raw).value)
        #expect(name.full == "Trần Thị Thủy")
        #expect(name.given == "Thủy")
        #expect(name.folded == "tran thi thuy")
        #expect(name.asGiven == "  trần   thị  thuỷ ")
    }

    @Test func severalMiddleNamesAndDualFamilyNames() throws {
        let long = try #require(NameNormalizer.normalize("Nguyễn Phạm Minh Anh").value)
        #expect(long.family == "Nguyễn")
        #expect(long.middle == "Phạm Minh")
        #expect(long.given == "Anh")
        let hyphen = try #require(NameNormalizer.normalize("nguyễn-phạm minh anh").value)
        #expect(hyphen.family == "Nguyễn-Phạm")
        #expect(hyphen.middle == "Minh")
        #expect(hyphen.full == "Nguyễn-Phạm Minh Anh")
    }

    @Test func compoundFamilyNameIsKeptTogether() throws {
        let result = NameNormalizer.normalize("Tôn Nữ Thị Ninh")
        let name = try #require(result.value)
        #expect(name.family == "Tôn Nữ")
        #expect(name.middle == "Thị")
        #expect(name.given == "Ninh")
        #expect(result.findings.map(\.rule) == ["name.compound_family"])
    }

    @Test func emptyNameHasNoValue() {
        let result = NameNormalizer.normalize(" \u{00A0} ")
        #expect(result.value == nil)
        #expect(result.findings.map(\.rule) == ["name.empty"])
        #expect(result.hasError)
    }

    @Test func digitsAndSymbolsAreFindingsAndTheTextIsKept() throws {
        let digits = NameNormalizer.normalize("Lê Văn 2")
        #expect(digits.value?.full == "Lê Văn 2")
        #expect(digits.findings.map(\.rule) == ["name.digits"])
        #expect(digits.hasError)
        let symbols = NameNormalizer.normalize("Lê Văn Tám #@")
        #expect(symbols.value?.full == "Lê Văn Tám #@")
        #expect(symbols.findings.map(\.rule) == ["name.symbols"])
        #expect(symbols.findings.first?.message.contains("'#'") == true)
        #expect(!symbols.hasError)
    }

    @Test func missingDiacriticsAreNoted() throws {
        let result = NameNormalizer.normalize("NGUYEN VAN AN")
        #expect(result.value?.full == "Nguyen Van An")
        #expect(result.value?.folded == "nguyen van an")
        #expect(result.findings.map(\.rule) == ["name.no_diacritics"])
        #expect(result.findings.first?.severity == .info)
    }

    @Test func singleTokenIsTheGivenName() {
        let result = NameNormalizer.normalize("H'hen")
        #expect(result.value?.given == "H'hen")
        #expect(result.value?.family == nil)
        #expect(result.findings.map(\.rule).contains("name.single_token"))
    }

    @Test func curlyApostropheInEthnicName() throws {
        let name = try #require(NameNormalizer.normalize("H’HEN NIÊ").value)
        #expect(name.full == "H'hen Niê")
        #expect(name.folded == "h'hen nie")
        #expect(name.family == "H'hen")
    }

    @Test func đIsCapitalisedAndFolded() throws {
        let name = try #require(NameNormalizer.normalize("đặng đức đạt").value)
        #expect(name.full == "Đặng Đức Đạt")
        #expect(name.folded == "dang duc dat")
    }

    @Test(arguments: [("huynh", "hoang"), ("hoang", "hoang"), ("vo", "vu"), ("vu", "vu"), ("nguyen", "nguyen")])
    func surnameClasses(folded: String, key: String) {
        #expect(SurnameClass.key(folded) == key)
    }
}
