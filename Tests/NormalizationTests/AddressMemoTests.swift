import Domain
import Reference
import Testing

@testable import Normalization

/// `AddressMemo` remembers the administrative reading of addresses: a remembered reading must give exactly
/// what a fresh normalisation gives (value and findings), whichever address put it there, and the memo stays bounded.
@Suite struct AddressMemoTests {
    /// Endings that exercise every path of the reading, including those that look at the number of segments
    /// ("Hòa Thành, Tây Ninh" alone is a commune; after a house number too) and units written without a comma.
    static let endings = [
        "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An", "so 5 xa tan phu huyen duc hoa long an", "Xã Tân Phú, Huyện Đức Hoà, Tỉnh Long An",
        "P. Bến Nghé, Q.1, TP.HCM", "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", "P.Bến Thành Q.1 TPHCM",
        "TT. Bến Lức, H. Bến Lức, T. Long An", "PHƯỜNG 14, QUẬN 3, TP HỒ CHÍ MINH", "Phường Ba Đình, Thành phố Hà Nội",
        "Xã Tân Phú, Tỉnh Tây Ninh", "Xã Tân Phú, Long An", "Hòa Thành, Tây Ninh", "Thị xã Hòa Thành, Tây Ninh",
        "Phường Cống Vị, Quận Ba Đình, Hà Nội", "Thị trấn Ea Drăng, Huyện Ea H’leo, Tỉnh Đắk Lắk", "Xã Ea H'Leo, Đắk Lắk",
        "Xã Không Có, Huyện Đức Hòa, Tỉnh Long An", "Xã Tân Phú, Tỉnh Atlantis", "Xã Tân Phú, Huyện Không Có, Tỉnh Long An",
        "Xã Tân Phú", "Xã Mỹ Hội, Huyện Châu Thành", "Huyện Đức Hòa, Long An", "Xã Tân Phú, Huyện Đức Hòa", "Tân Phú Long An",
        "Long An", "Đức Hòa, Long An", "Ấp 3", " , ", "Xã Đan Hội, Huyện Lục Nam, Tỉnh Bắc Giang",
    ]
    static let details = ["", "Số 5, ", "Thôn 2, ", "12A Lê Lợi, Ấp Bình Tả 1, ", "Số nhà 7 đường Láng Hạ ", "Hòa Thành, "]

    static var addresses: [String] { details.flatMap { detail in endings.map { detail + $0 } } }

    @Test func rememberedReadingsGiveTheSameResultAsFreshOnes() throws {
        let reference = try ReferenceFixture.load()
        let memo = AddressMemo(reference: reference, capacity: 1_000)
        let addresses = Self.addresses
        // Twice, the second time in reverse order: first misses, then hits put there by other addresses.
        for address in addresses + addresses.reversed() {
            let fresh = AddressNormalizer.normalize(address, reference: reference)
            let remembered = AddressNormalizer.normalize(address, remembering: memo)
            #expect(remembered.value == fresh.value, "\(address)")
            #expect(remembered.findings == fresh.findings, "\(address)")
        }
        // Addresses differing only in their detail share readings.
        #expect(memo.count < addresses.count)
    }

    @Test func rememberedCodeReadingsGiveTheSameResultAsFreshOnes() throws {
        let reference = try ReferenceFixture.load()
        let memo = AddressMemo(reference: reference, capacity: 1_000)
        let codes: [(String?, String?, String?, AdminScheme)] = [
            ("27961", nil, "80", .pre2025), ("7", "1", "1", .pre2025), ("01651", nil, nil, .pre2025), (nil, nil, nil, .pre2025),
            ("00004", "999", "02", .pre2025), ("x1", nil, nil, .from2025), ("00004", "001", "01", .from2025), (nil, nil, "01", .from2025),
        ]
        for detail in [nil, "", "Số 5, ấp Bình Tả 1", "12 đường Lê Lợi"] as [String?] {
            for round in 0..<2 {
                for (commune, district, province, scheme) in codes {
                    let fresh = AddressNormalizer.fromCodes(
                        communeCode: commune, districtCode: district, provinceCode: province, scheme: scheme, detail: detail,
                        reference: reference)
                    let given = AddressCodes(commune: commune, district: district, province: province, scheme: scheme)
                    let remembered = AddressNormalizer.fromCodes(given, detail: detail, remembering: memo)
                    #expect(remembered.value == fresh.value, "\(given) \(detail ?? "nil") round \(round)")
                    #expect(remembered.findings == fresh.findings, "\(given) \(detail ?? "nil") round \(round)")
                }
            }
        }
    }

    @Test func memoIsBoundedAndCanBeTurnedOff() throws {
        let reference = try ReferenceFixture.load()
        let small = AddressMemo(reference: reference, capacity: 3)
        let off = AddressMemo(reference: reference, capacity: 0)
        for address in Self.addresses {
            let fresh = AddressNormalizer.normalize(address, reference: reference)
            for memo in [small, off] {
                let remembered = AddressNormalizer.normalize(address, remembering: memo)
                #expect(remembered.value == fresh.value && remembered.findings == fresh.findings, "\(address)")
            }
            #expect(small.count <= 2 * 3)
        }
        for province in ["01", "02", "04", "06", "08", "10", "11", "12"] {
            let codes = AddressCodes(commune: nil, district: nil, province: province, scheme: .pre2025)
            _ = AddressNormalizer.fromCodes(codes, detail: nil, remembering: small)
        }
        #expect(small.count <= 2 * 3 + 2 * 3)
        #expect(off.count == 0)
    }
}
