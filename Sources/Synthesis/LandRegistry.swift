import Domain

/// Writes `land.csv`: one row per parcel and owner (layout in docs/sample-registries.md).
struct LandRegistry {
    static let fileName = "land.csv"
    static let source = "land"
    static let header =
        "ma_ho_so,ma_xa,so_to,so_thua,dien_tich,muc_dich_su_dung,so_giay_chung_nhan,ho_ten_chu,ngay_sinh_chu,gioi_tinh_chu,loai_giay_to_chu,so_giay_to_chu,dia_chi_chu\n"
    static let certificateSeries = ["AA", "BA", "BB", "BC", "BD", "BE", "BG", "CH", "CS", "CT", "CD", "DA"]
    static let parcelCounts = WeightedChoice<Int>([(1, 65), (2, 25), (3, 10)])
    static let urbanUse = WeightedChoice<String>([("ODT", 75), ("CLN", 10), ("LNQ", 5), ("BHK", 5), ("TSN", 5)])
    static let ruralUse = WeightedChoice<String>([
        ("ONT", 45), ("LUC", 20), ("LUK", 5), ("CLN", 13), ("BHK", 5), ("LNQ", 5), ("TSN", 4), ("RSX", 3),
    ])

    private let writer: BufferedFileWriter
    private(set) var count = 0
    private(set) var badRecords = 0
    /// Parcels registered so far per old commune: keeps (commune, sheet, parcel) unique.
    private var parcelsPerCommune: [String: Int] = [:]

    init(directory: String) throws {
        writer = try BufferedFileWriter(path: directory + "/" + Self.fileName)
        try writer.write(Self.header)
    }

    /// Writes the person's parcels (if they own any) and returns their record keys.
    mutating func write(_ person: SyntheticPerson, household: SyntheticHousehold, places: PlaceTables, _ random: inout SplitMix64)
        throws -> [String]
    {
        guard person.age >= 18, random.chance(0.30) else { return [] }
        var keys: [String] = []
        for _ in 0..<Self.parcelCounts.draw(&random) {
            let place = (random.chance(0.8) ? household.oldPlace : nil) ?? random.pick(places.oldPlaces)
            let serial = parcelsPerCommune[place.communeCode, default: 0]
            parcelsPerCommune[place.communeCode] = serial + 1
            let sheet = 1 + serial % 47
            let parcel = 1 + (serial / 47) * 13 + random.below(13)
            let use = (place.communeType == "xã" ? Self.ruralUse : Self.urbanUse).draw(&random)
            count += 1
            let key = "LD" + TextFormatting.padded(count, width: 7)
            var row = [
                key, place.communeCode, String(sheet), String(parcel), TextFormatting.tenths(Self.areaTenths(use, &random)), use,
                random.pick(Self.certificateSeries) + " " + TextFormatting.padded(random.below(1_000_000), width: 6),
                RecordNoise.name(person.fullName, &random),
            ]
            if random.chance(0.0005) {
                row.append("31/02/" + String(person.year))
                badRecords += 1
            } else {
                row.append(RecordNoise.dayMonthYear(person, &random))
            }
            row.append(random.chance(0.04) ? "" : person.sex == .male ? "Nam" : "Nữ")
            if let cmnd = person.cmnd, random.chance(0.3) {
                row += ["CMND", cmnd]
            } else {
                row += ["CCCD", person.personalNumber]
            }
            row.append(Self.ownerAddress(household: household, places: places, &random))
            try writer.write(row.map(TextFormatting.csv).joined(separator: ",") + "\n")
            keys.append(key)
        }
        return keys
    }

    /// 60% the old three-level address ("Số 5, Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An"), else the 2025 one.
    static func ownerAddress(household: SyntheticHousehold, places: PlaceTables, _ random: inout SplitMix64) -> String {
        if let old = household.oldPlace, random.chance(0.6) {
            return household.detail + ", " + old.communeName + ", " + old.districtName + ", " + old.provinceName
        }
        let commune = places.communes[household.communeIndex]
        return household.detail + ", " + commune.name + ", " + (places.provinceNames[commune.provinceCode] ?? "")
    }

    private static func areaTenths(_ use: String, _ random: inout SplitMix64) -> Int {
        switch use {
        case "ODT": return random.between(300...3_000)
        case "ONT": return random.between(1_000...15_000)
        case "LUC", "LUK": return random.between(3_000...50_000)
        case "RSX": return random.between(10_000...200_000)
        default: return random.between(2_000...30_000)
        }
    }

    func close() throws { try writer.close() }
}
