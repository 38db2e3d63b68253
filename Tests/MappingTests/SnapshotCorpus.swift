import Domain
import Foundation
import Reference

/// Deterministic raw records for the four shipped mappings, with the spellings registries really produce
/// (case, decomposed accents, stray spaces, abbreviations, placeholders, separators) and plain garbage.
/// Used to pin the exact output of mapping and normalisation while they are optimised.
struct SnapshotCorpus {
    private var state: UInt64
    let reference: ReferenceData

    init(seed: UInt64, reference: ReferenceData) {
        state = seed
        self.reference = reference
    }

    /// SplitMix64.
    mutating func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }

    /// `7` → `"007"` for width 3.
    func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next() % items.count] }

    /// The same text as a registry might spell it: as is, upper or lower case, decomposed, padded, folded.
    mutating func respell(_ text: String) -> String {
        switch next() % 10 {
        case 0: return text.uppercased()
        case 1: return text.lowercased()
        case 2: return text.decomposedStringWithCanonicalMapping
        case 3: return "  " + text.replacingOccurrences(of: " ", with: "  ") + " "
        case 4: return TextFolding.fold(text)
        case 5: return text.replacingOccurrences(of: " ", with: "\u{00A0}")
        default: return text
        }
    }

    static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    static let middles = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thu", "Hữu", "Quốc", "Thanh", "Bảo", "Hoàng", ""]
    static let givens = ["An", "Bình", "Cường", "Dũng", "Hoa", "Hoà", "Thuỷ", "Thủy", "Quý", "Khoá", "Ánh", "Hương", "Tuấn", "Nguyệt", "Uyên"]
    static let oddNames = [
        "", " ", "An", "Tôn Thất Thuyết", "Công Tằng Tôn Nữ Thị Ly", "Nguyễn-Phạm Minh Anh", "Trần Văn 3", "Lê Văn @Bình",
        "Y Bih Niê", "H’Hen Niê", "Ksor\tY  Phun", "ÉLODIE Dupont", "O'Neil Smith", "Nguyễn\u{200B}Văn An", "Đặng Thị – Lan",
        "NGUYEN VAN AN", "nguyễn văn ản", "Hòang Văn Thụân", "Tôn Nữ Thị Hà", "Lê 2", "X Æ A-12", "李小龍", "Nguyễn Văn An Jr.",
    ]
    static let dates = [
        "1987-03-09", "09/03/1987", "9/3/87", "00/00/1990", "01/01/1900", "01/01/1975", "1990", "03/1990", "1990-03", "32874",
        "32874.0", "19870309", "09031987", "31/02/1990", "13/25/1990", "25/13/1990", "ngày 9 tháng 3 năm 1987",
        "1987-03-09T08:30:00", "09/03/1987 00:00:00", "", " ", "abc", "2024-13-01", "0000", "00/00/0000", "1987/3/9", "9.3.1987",
        "09-03-1987", "2031-01-01", "12/31/1999",
    ]
    static let sexes = ["Nam", "Nữ", "nam", "NỮ", "Nu", "M", "F", "male", "female", "x", "", " Nam ", "Khác"]
    static let phones = [
        "0941617163", "+84 941 617 163", "84941617163", "0084941617163", "01681234567", "01991234567", "941617163",
        "0241 3826 123", "1900 1234", "1800123456", "09416171", "0941617163, 0912345678", "abc", "", " ", "+1 555 1234",
        "(024) 3826-1234", "04 3826 1234", "+84 (0) 91 234 5678", "0912.345.678", "0912-345-678", "0612345678", "09123456789",
    ]
    static let documentTypes = ["CCCD", "cccd", "CMND", "Cmnd", "Hộ chiếu", ""]
    static let statuses = ["Đang hoạt động", "ĐANG HOẠT ĐỘNG", "Dang hoat dong", "Tạm ngừng kinh doanh", "Đã giải thể", "Phá sản", "xyz", ""]
    static let details = [
        "Số 12 Phố Láng Hạ", "Thôn 2", "Số nhà 12A, đường Lê Lợi", "Ấp Bình Tả 1", "", "sn 5 Đ. Lê Lợi", "123 Nguyễn Trãi",
        "Tổ 3, Khu phố 4", "12/3 Hẻm 45", "Số 8 Đường Lê Lợi", "  Xóm  Chợ ", "số 7", "Đường 3 tháng 2",
    ]
    static let relations = ["Chủ hộ", "Vợ", "Con", "Mẹ", "  Con  rể ", "chủ hộ", ""]

    mutating func name() -> String {
        if next() % 6 == 0 { return respell(pick(Self.oddNames)) }
        let parts = [pick(Self.families), pick(Self.middles), pick(Self.givens)].filter { !$0.isEmpty }
        return respell(parts.joined(separator: " "))
    }

    mutating func personalNumber() -> String {
        let province = pick(["001", "079", "024", "087", "080", "999", "100"])
        let digits = province + String(next() % 4) + padded(next() % 100, 2) + padded(next() % 1_000_000, 6)
        switch next() % 9 {
        case 0: return String(digits.prefix(3)) + " " + String(digits.dropFirst(3).prefix(3)) + " " + String(digits.suffix(6))
        case 1: return String(digits.prefix(3)) + "-" + String(digits.dropFirst(3))
        case 2: return String(digits.dropLast())
        case 3: return String(digits.dropLast()) + "a"
        case 4: return pick(["", "012345678", "000000000", "0123 456 78", "12345678901234"])
        default: return digits
        }
    }

    mutating func code(_ code: String) -> String {
        switch next() % 12 {
        case 0: return String(code.drop(while: { $0 == "0" }))
        case 1: return " " + code + " "
        case 2: return pick(["", "12a", "99999", "1234567", "0"])
        default: return code
        }
    }

    /// A free-text address built from a real unit, in one of the shapes registries write.
    mutating func addressText() -> String {
        let detail = pick(Self.details)
        if next() % 3 == 0 {
            let commune = pick(reference.communes2025)
            let province = reference.province2025(code: commune.provinceCode)?.name ?? ""
            let shapes = [
                "\(detail), \(commune.name), \(province)", "\(commune.name), \(province)", "\(detail) \(commune.name) \(province)",
                "\(commune.name)", "\(detail), \(province)",
            ]
            return respell(pick(shapes))
        }
        let commune = pick(reference.communesPre2025)
        let district = reference.districtPre2025(code: commune.districtCode)?.name ?? ""
        let province = reference.provincePre2025(code: commune.provinceCode)?.name ?? ""
        let short = province.replacingOccurrences(of: "Thành phố ", with: "TP. ").replacingOccurrences(of: "Tỉnh ", with: "")
        let abbreviated = commune.name.replacingOccurrences(of: "Phường ", with: "P.").replacingOccurrences(of: "Xã ", with: "X. ")
        let shapes = [
            "\(detail), \(commune.name), \(district), \(province)", "\(commune.name), \(district), \(province)",
            "\(detail), \(abbreviated), \(district.replacingOccurrences(of: "Quận ", with: "Q.")), \(short)",
            "\(commune.name) \(district) \(province)", "\(commune.name), \(short)", "\(detail), \(district), \(province)",
            "\(commune.name), \(district), TP.HCM", "\(commune.name); \(district); \(province)", "Số 5, Xã Không Có, Huyện Ma, Tỉnh Hư Cấu",
            "\(detail)", "", "   ",
        ]
        return respell(pick(shapes))
    }

    mutating func population(_ index: Int) -> RawNode {
        let commune = pick(reference.communes2025)
        var fields: [(key: String, value: RawNode)] = [
            ("@ma", .text("DC" + padded(index, 8))), ("ho_ten", .text(name())), ("ngay_sinh", .text(pick(Self.dates))),
            ("gioi_tinh", .text(pick(Self.sexes))), ("so_dinh_danh", .text(personalNumber())),
        ]
        if next() % 3 == 0 { fields.append(("cmnd", .text(pick(["232408768", "012345678", "", "12 345 678", "0000000000"])))) }
        let province = next() % 7 == 0 ? pick(reference.provinces2025).code : commune.provinceCode
        fields.append(
            (
                "noi_thuong_tru",
                .object([("ma_tinh", .text(code(province))), ("ma_xa", .text(code(commune.code))), ("chi_tiet", .text(respell(pick(Self.details))))])
            ))
        fields.append(("ho_khau", .object([("@so", .text("HK" + padded(index / 3, 8))), ("@quan_he", .text(pick(Self.relations)))])))
        if next() % 4 != 0 { fields.append(("dien_thoai", .text(pick(Self.phones)))) }
        return .object(fields)
    }

    mutating func land(_ index: Int) -> RawNode {
        let document = pick(Self.documentTypes)
        let fields: [(String, String)] = [
            ("ma_ho_so", index % 97 == 0 ? "" : "LD" + padded(index, 7)), ("ma_xa", code(pick(reference.communesPre2025).code)),
            ("so_to", pick(["1", "12", "", "3"])), ("so_thua", pick(["7", "45", "0", ""])),
            ("dien_tich", pick(["123.5", "80", "1,5", "-3", "abc", "", "3560.6", "1e3"])), ("muc_dich_su_dung", pick(["odt", " ONT ", "", "LUC", "cln"])),
            ("so_giay_chung_nhan", pick(["CS 970128", "", "AA 827222"])), ("ho_ten_chu", name()), ("ngay_sinh_chu", pick(Self.dates)),
            ("gioi_tinh_chu", pick(Self.sexes)), ("loai_giay_to_chu", document),
            ("so_giay_to_chu", document.lowercased() == "cmnd" ? pick(["232408768", "23240876", "0123 456 78"]) : personalNumber()),
            ("dia_chi_chu", addressText()),
        ]
        return .object(fields.map { (key: $0.0, value: RawNode.text($0.1)) })
    }

    mutating func enterprise(_ index: Int) -> RawNode {
        let commune = pick(reference.communes2025)
        let enterpriseCode = pick(["2601047302", "0301047308", "0100109106", "0314409058-001", "12345", "", "030104730"])
        var fields: [(key: String, value: RawNode)] = [
            ("ma_so_doanh_nghiep", .text(next() % 5 == 0 ? enterpriseCode : padded(index * 7919 % 1_000_000_000, 10))),
            ("ten_doanh_nghiep", .text(respell(pick(["Công ty TNHH   Thương mại An Phú", "Doanh nghiệp tư nhân Du lịch An Phú", "", "Công ty Cổ phần Bình Minh"])))),
            ("tinh_trang", .text(respell(pick(Self.statuses)))), ("ngay_dang_ky", .text(pick(Self.dates))),
            ("dia_chi", .object([("ma_tinh", .text(code(commune.provinceCode))), ("ma_xa", .text(code(commune.code))), ("chi_tiet", .text(pick(Self.details)))])),
        ]
        if next() % 5 != 0 {
            let document = pick(Self.documentTypes)
            fields.append(
                (
                    "nguoi_dai_dien",
                    .object([
                        ("ho_ten", .text(name())), ("ngay_sinh", .text(pick(Self.dates))), ("gioi_tinh", .text(pick(Self.sexes))),
                        ("loai_giay_to", .text(document)), ("so_giay_to", .text(document == "CMND" ? "232408768" : personalNumber())),
                    ])
                ))
        }
        return .object(fields)
    }

    mutating func communeLegacy(_ index: Int) -> RawNode {
        let fields: [(String, String)] = [
            ("so_ho_khau", index % 89 == 0 ? "" : "SHK" + padded(index / 4, 6)), ("stt", String(index % 4 + 1)), ("ho_ten", name()),
            ("ngay_sinh", pick(Self.dates)), ("gioi_tinh", pick(Self.sexes)), ("quan_he_chu_ho", pick(Self.relations)),
            ("so_cmnd", pick(["232408768", "", "0123 456 78", "12345", "23240876a"])), ("dia_chi", addressText()),
        ]
        return .object(fields.map { (key: $0.0, value: RawNode.text($0.1)) })
    }
}
