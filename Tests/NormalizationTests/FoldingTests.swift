import Domain
import Foundation
import Reference
import Testing

@testable import Normalization

/// The fast fold used inside Normalization must give exactly `TextFolding.fold`'s keys.
@Suite struct FoldingTests {
    @Test func fastFoldEqualsTextFoldingOnEveryReferenceName() throws {
        let reference = try ReferenceFixture.load()
        var names = reference.communes2025.map(\.name) + reference.communesPre2025.map(\.name)
        names += reference.districtsPre2025.map(\.name) + reference.provincesPre2025.map(\.name)
        names += ["  Nguyễn   Đức\tThắng ", "Ea H’leo", "Zoë Müller", "İstanbul", "a`b´c", "ĐẶNG", "x\u{0301}y", "한국"]
        names += names.prefix(200).map { $0.decomposedStringWithCanonicalMapping.uppercased() }
        #expect(names.count > 14_000)
        for name in names {
            #expect(VietnameseScalars.fold(name) == TextFolding.fold(name), "\(name)")
        }
    }

    @Test func titleCaseHandlesEveryVietnameseVowel() {
        #expect(VietnameseScalars.titleCased("ỨNG") == "Ứng")
        #expect(VietnameseScalars.titleCased("ỵ") == "Ỵ")
        #expect(VietnameseScalars.titleCased("o'neil-smith") == "O'neil-Smith")
        #expect(VietnameseScalars.titleCased("ÉLODIE") == "Élodie")
        #expect(VietnameseScalars.titleCased("ǆemal") == "ǅemal")
    }
}
