import Domain
import Matching
import Testing

@Suite struct StreetLevelTests {
    private func person(_ addresses: [(house: String?, street: String?)]) -> PersonFeatures {
        PersonFeatures(PersonRecord(addresses: addresses.map { Address(houseNumber: $0.house, street: $0.street) }))
    }

    private func level(_ a: PersonFeatures, _ b: PersonFeatures) -> StreetLevel? {
        StreetLevel(rawValue: Comparison.street.level(a, b))
    }

    @Test func streetsAreFoldedWithoutSpaces() {
        let features = person([("12", "Đường Lê Lợi"), (nil, "Nguyễn Thị  Minh Khai"), ("5", nil)])
        #expect(features.streets.map { String(decoding: $0.street, as: UTF8.self) } == ["nguyenthiminhkhai", "duongleloi"])
        #expect(features.streets.map(\.house) == ["", "12"])
    }

    @Test func levels() {
        let home = person([("12", "Lê Lợi")])
        #expect(level(home, person([("12", "Le Loi")])) == .sameHouse)
        #expect(level(home, person([("12", "LêLợi")])) == .sameHouse)
        #expect(level(home, person([("14", "Lê Lợi")])) == .sameStreet)
        #expect(level(home, person([(nil, "Lê Lợi")])) == .sameStreet)
        #expect(level(home, person([("12", "Lê Lọi A")])) == .sameHouseSimilarStreet)
        #expect(level(home, person([("14", "Lê Lọi A")])) == .similarStreet)
        #expect(level(home, person([("14", "Lê Lọi A"), (nil, "Lê Lợi")])) == .sameStreet)
        #expect(level(home, person([("12", "Trần Phú")])) == .different)
        #expect(level(home, person([("14", "Lê Văn Sỹ")])) == .different)
        // Any address of either side: the best pair counts.
        #expect(level(home, person([("3", "Trần Phú"), ("12", "Lê Lợi")])) == .sameHouse)
        #expect(level(home, person([("12", nil)])) == .null)
    }

    @Test func storedFormRoundTrips() throws {
        for street in person([("12/3", "Lê Lợi"), (nil, "Hẻm | 5")]).streets {
            let restored = try #require(StreetAddress(stored: street.stored))
            #expect(restored == street)
        }
        #expect(StreetAddress(stored: "no bar") == nil)
    }
}
