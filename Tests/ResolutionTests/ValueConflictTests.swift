import Domain
import Foundation
import Resolution
import Storage
import Testing

/// Value review items: members of one entity that disagree on a field survivorship settled by rule alone.
@Suite struct ValueConflictTests {
    typealias F = ResolutionFixture

    func openValueItems(_ fixture: ResolutionFixture) throws -> [ReviewItem] {
        try fixture.store.read { try $0.reviewItems(status: .open, limit: 100) }.filter { $0.type == .value }
    }

    @Test func disagreeingBirthDateRaisesOneItemNamingTheWinnerAndIsSupersededWhenFixed() throws {
        let fixture = try F()
        let population = F.person("DC1", number: "026085000123")
        let land = F.person("LD1", source: "land", born: (1985, 7, 3), number: "026085000123")
        let summary = try fixture.ingest([population, land])
        #expect(summary.valueConflicts == 1)
        let item = try #require(try openValueItems(fixture).first)
        let detail = try JSONDecoder().decode(ValueConflicts.Detail.self, from: Data(item.detail.utf8))
        let ids = try fixture.store.read { reader in try [population, land].map { try #require(try reader.mention(key: $0.key)).id } }
        #expect(detail.winner == ids[0], "the population register wins birth dates")
        #expect(detail.fields == [ValueConflicts.Field(field: "birthDate", values: ["1985-03-07", "1985-07-03"])])

        // The land office corrects its record: the conflict no longer exists and the item is superseded.
        try fixture.ingest([F.person("LD1", source: "land", born: (1985, 3, 7), number: "026085000123")], at: "t2")
        #expect(try openValueItems(fixture).isEmpty)
        #expect(try fixture.store.read { try $0.reviewItems(status: .superseded, limit: 10) }.map(\.id) == [item.id])
    }

    @Test func coarserDatesAndMissingMiddleNamesAreNotConflicts() throws {
        let fixture = try F()
        try fixture.ingest([
            F.person("DC1", number: "026085000123"),
            F.person("LD1", source: "land", middle: nil, born: (1985, nil, nil), number: "026085000123"),
            F.person("EN1", source: "enterprise", born: (1985, 3, nil), sex: nil, number: "026085000123"),
        ])
        #expect(try openValueItems(fixture).isEmpty)
    }

    @Test func differentSexAndGivenNameAreReportedTogether() throws {
        let fixture = try F()
        try fixture.ingest([
            F.person("DC1", number: "026085000123"),
            F.person("LD1", source: "land", given: "Ân", sex: .female, number: "026085000123"),
        ])
        let item = try #require(try openValueItems(fixture).first)
        let detail = try JSONDecoder().decode(ValueConflicts.Detail.self, from: Data(item.detail.utf8))
        #expect(detail.fields.map(\.field).sorted() == ["sex"], "Ân and An fold alike; only sex differs")
    }
}
