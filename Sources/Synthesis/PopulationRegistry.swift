import Domain

/// Writes `population.xml`: one `<cong_dan>` per person (layout in docs/sample-registries.md).
struct PopulationRegistry {
    static let fileName = "population.xml"
    static let source = "population"
    private let writer: BufferedFileWriter
    private(set) var count = 0
    private(set) var badRecords = 0

    init(directory: String) throws {
        writer = try BufferedFileWriter(path: directory + "/" + Self.fileName)
        try writer.write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dan_cu nguon=\"CSDLQG-DC\" ngay_xuat=\"\(RegistryGenerator.exportDate)\">\n")
    }

    static func recordKey(_ person: SyntheticPerson) -> String { "DC" + TextFormatting.padded(person.index, width: 8) }

    /// Writes one person and returns the record key. ~3% of names are written NFD; ~0.1% of records are broken
    /// on purpose (an impossible date or an empty name).
    mutating func write(_ person: SyntheticPerson, household: SyntheticHousehold, places: PlaceTables, _ random: inout SplitMix64)
        throws -> String
    {
        let key = Self.recordKey(person)
        var name = random.chance(0.03) ? TextFormatting.nfd(person.fullName) : person.fullName
        var birth =
            person.yearOnly ? String(person.year) : TextFormatting.iso(day: person.day, month: person.month, year: person.year)
        let damage = random.unit()
        if damage < 0.0005 {
            birth = String(person.year) + "-02-31"
            badRecords += 1
        } else if damage < 0.001 {
            name = ""
            badRecords += 1
        }
        let commune = places.communes[household.communeIndex]
        var text = "  <cong_dan ma=\"\(key)\">\n"
        text += "    <ho_ten>\(TextFormatting.xml(name))</ho_ten>\n"
        text += "    <ngay_sinh>\(birth)</ngay_sinh>\n"
        text += "    <gioi_tinh>\(person.sex == .male ? "Nam" : "Nữ")</gioi_tinh>\n"
        text += "    <so_dinh_danh>\(person.personalNumber)</so_dinh_danh>\n"
        if let cmnd = person.cmnd { text += "    <cmnd>\(cmnd)</cmnd>\n" }
        text += "    <noi_thuong_tru>\n"
        text += "      <ma_tinh>\(commune.provinceCode)</ma_tinh>\n"
        text += "      <ma_xa>\(commune.code)</ma_xa>\n"
        text += "      <chi_tiet>\(TextFormatting.xml(household.detail))</chi_tiet>\n"
        text += "    </noi_thuong_tru>\n"
        text += "    <ho_khau so=\"\(household.book)\" quan_he=\"\(person.relation)\"/>\n"
        if let phone = person.phone { text += "    <dien_thoai>\(phone)</dien_thoai>\n" }
        text += "  </cong_dan>\n"
        try writer.write(text)
        count += 1
        return key
    }

    func close() throws {
        try writer.write("</dan_cu>\n")
        try writer.close()
    }
}
