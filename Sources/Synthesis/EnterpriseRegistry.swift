import Domain
import Normalization

/// Writes `enterprise.json`: an array of enterprises with their legal representative.
struct EnterpriseRegistry {
    static let fileName = "enterprise.json"
    static let source = "enterprise"
    static let forms = WeightedChoice<String>([
        ("Công ty TNHH", 55), ("Công ty Cổ phần", 25), ("Công ty TNHH MTV", 12), ("Doanh nghiệp tư nhân", 8),
    ])
    static let sectors = [
        "Thương mại", "Xây dựng", "Dịch vụ", "Sản xuất", "Vận tải", "Thương mại và Dịch vụ", "Đầu tư", "Công nghệ",
        "Nông sản", "Thực phẩm", "Du lịch", "Kỹ thuật", "Xuất nhập khẩu", "Cơ khí", "Môi trường", "Giáo dục",
    ]
    static let brands = [
        "An Phú", "Minh Long", "Hoàng Gia", "Phương Nam", "Đại Việt", "Thành Công", "Hưng Thịnh", "Tân Tiến",
        "Sao Mai", "Hòa Bình", "Phú Quý", "Trường Sơn", "Nam Việt", "Bình Minh", "Kim Long", "Thiên Phúc",
        "Việt Á", "Hồng Hà", "Cửu Long", "Sông Hàn", "Tây Nguyên", "Đông Á", "Ánh Dương", "Phúc Lộc",
    ]
    static let statuses = WeightedChoice<String>([
        ("Đang hoạt động", 85), ("Tạm ngừng kinh doanh", 8), ("Đã giải thể", 7),
    ])

    private let writer: BufferedFileWriter
    private(set) var count = 0
    /// Enterprise sequences issued per tax-authority prefix.
    private var sequences = [Int](repeating: 0, count: 100)
    /// Synthetic tax-authority prefixes by 2025 province (01 Hà Nội, 02 Hải Phòng, 03 HCMC, 04 Đà Nẵng as in
    /// real codes; the rest assigned in code order — the real table is not in our data).
    private let taxPrefix: [String: Int]

    init(directory: String, provinceCodes: [String]) throws {
        writer = try BufferedFileWriter(path: directory + "/" + Self.fileName)
        var prefixes: [String: Int] = ["01": 1, "31": 2, "79": 3, "48": 4]
        var next = 5
        for code in provinceCodes where prefixes[code] == nil {
            prefixes[code] = next
            next += 1
        }
        taxPrefix = prefixes
        try writer.write("[")
    }

    /// Writes the enterprises the person represents (if any) and returns their codes (the record keys).
    mutating func write(_ person: SyntheticPerson, household: SyntheticHousehold, places: PlaceTables, _ random: inout SplitMix64)
        throws -> [String]
    {
        guard person.age >= 20, random.chance(0.05) else { return [] }
        var keys: [String] = []
        for _ in 0..<(random.chance(0.8) ? 1 : 2) {
            let communeIndex = random.chance(0.7) ? household.communeIndex : places.residence.draw(&random)
            let commune = places.communes[communeIndex]
            guard let code = nextCode(provinceCode: commune.provinceCode) else { continue }
            let firstYear = max(2000, person.year + 20)
            let registered = TextFormatting.iso(
                day: random.between(1...28), month: random.between(1...12), year: random.between(min(firstYear, 2025)...2025))
            let name = "\(Self.forms.draw(&random)) \(random.pick(Self.sectors)) \(random.pick(Self.brands))"
            let useCMND = person.cmnd != nil && random.chance(0.1)
            var number = useCMND ? (person.cmnd ?? "") : person.personalNumber
            if random.chance(0.01) { number = RecordNoise.digitTypo(number, &random) }
            let birth =
                person.yearOnly ? String(person.year) : TextFormatting.dayMonthYear(day: person.day, month: person.month, year: person.year)
            let street = "Số \(random.between(1...300)) Đường \(random.pick(HouseholdFactory.streets))"
            var text = count == 0 ? "\n" : ",\n"
            text += "  {\n"
            text += "    \"ma_so_doanh_nghiep\": \(TextFormatting.json(code)),\n"
            text += "    \"ten_doanh_nghiep\": \(TextFormatting.json(name)),\n"
            text += "    \"tinh_trang\": \(TextFormatting.json(Self.statuses.draw(&random))),\n"
            text += "    \"ngay_dang_ky\": \"\(registered)\",\n"
            text += "    \"dia_chi\": { \"ma_tinh\": \"\(commune.provinceCode)\", \"ma_xa\": \"\(commune.code)\", "
            text += "\"chi_tiet\": \(TextFormatting.json(street)) },\n"
            text += "    \"nguoi_dai_dien\": {\n"
            text += "      \"ho_ten\": \(TextFormatting.json(person.fullName)), \"ngay_sinh\": \"\(birth)\", "
            text += "\"gioi_tinh\": \"\(person.sex == .male ? "Nam" : "Nữ")\",\n"
            text += "      \"loai_giay_to\": \"\(useCMND ? "CMND" : "CCCD")\", \"so_giay_to\": \(TextFormatting.json(number))\n"
            text += "    }\n  }"
            try writer.write(text)
            count += 1
            keys.append(code)
        }
        return keys
    }

    /// The next valid code for the province's tax prefix (bases without a check digit are skipped).
    private mutating func nextCode(provinceCode: String) -> String? {
        let prefixValue = taxPrefix[provinceCode] ?? 99
        let prefix = TextFormatting.padded(prefixValue, width: 2)
        while sequences[prefixValue] < 9_999_999 {
            sequences[prefixValue] += 1
            // A bijective shuffle of 1…9,999,999 so codes look scattered, as real ones are.
            let sequence = 1 + ((sequences[prefixValue] - 1) &* 7_919 &+ 104_729) % 9_999_999
            if let code = EnterpriseCode.make(provincePrefix: prefix, sequence: sequence) { return code }
        }
        return nil
    }

    func close() throws {
        try writer.write(count == 0 ? "]\n" : "\n]\n")
        try writer.close()
    }
}
