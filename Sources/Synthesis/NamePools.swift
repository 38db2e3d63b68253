import Domain
import Foundation

/// Vietnamese family, middle and given names with realistic frequencies (DOMAIN.md §5).
struct NamePools: Sendable {
    let surnames: WeightedChoice<String>
    let maleMiddle: WeightedChoice<String>
    let femaleMiddle: WeightedChoice<String>
    let maleGiven: [String]
    let femaleGiven: [String]

    /// Total distinct given names (≥ 150 required for realistic collisions).
    var givenNameCount: Int { Set(maleGiven + femaleGiven).count }

    init() {
        func nfc(_ pairs: [(String, Double)]) -> [(String, Double)] {
            pairs.map { ($0.0.precomposedStringWithCanonicalMapping, $0.1) }
        }
        // Shares in per cent; Huỳnh/Hoàng and Võ/Vũ split regionally.
        surnames = WeightedChoice(
            nfc([
                ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 2.6), ("Huỳnh", 2.5),
                ("Phan", 4.5), ("Vũ", 2.0), ("Võ", 1.9), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
                ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.6), ("Trương", 0.6), ("Lâm", 0.4), ("Mai", 0.4),
                ("Trịnh", 0.4), ("Đào", 0.4), ("Cao", 0.3), ("Lương", 0.3), ("Tạ", 0.2), ("Hà", 0.4), ("Tô", 0.2),
                ("Quách", 0.1), ("Thái", 0.2), ("Văn", 0.1), ("Kiều", 0.1), ("Châu", 0.2), ("Lưu", 0.2), ("Triệu", 0.2),
                ("Chu", 0.2), ("Tăng", 0.1), ("Khúc", 0.05), ("Nông", 0.3), ("Lò", 0.1), ("Y", 0.1),
            ]))
        maleMiddle = WeightedChoice(
            nfc([
                ("Văn", 40), ("Hữu", 6), ("Đức", 8), ("Minh", 9), ("Quang", 6), ("Thanh", 5), ("Công", 4), ("Ngọc", 3),
                ("Xuân", 3), ("Đình", 4), ("Tuấn", 2), ("Hoàng", 3), ("Quốc", 4), ("Trung", 2), ("Anh", 2),
                ("Thành", 2), ("Gia", 2), ("Bá", 1), ("Duy", 2), ("Tiến", 1), ("Việt", 1),
            ]))
        femaleMiddle = WeightedChoice(
            nfc([
                ("Thị", 52), ("Ngọc", 8), ("Thu", 5), ("Thanh", 5), ("Kim", 4), ("Minh", 3), ("Hồng", 4),
                ("Phương", 3), ("Mai", 2), ("Bích", 2), ("Thùy", 3), ("Diệu", 1), ("Khánh", 2), ("Bảo", 2),
                ("Hoài", 1), ("Mỹ", 2), ("Tường", 1),
            ]))
        maleGiven = [
            "An", "Anh", "Bách", "Bảo", "Bình", "Cảnh", "Công", "Cường", "Chiến", "Chính", "Danh", "Đạt", "Định",
            "Đông", "Đức", "Dũng", "Dương", "Duy", "Giang", "Hải", "Hào", "Hiếu", "Hiệp", "Hòa", "Hoàng", "Huân",
            "Hùng", "Hưng", "Huy", "Khải", "Khang", "Khánh", "Khoa", "Khôi", "Kiên", "Lâm", "Lân", "Lộc", "Long",
            "Luân", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Nguyên", "Nhân", "Phát", "Phong", "Phúc", "Phước",
            "Quân", "Quang", "Quý", "Sơn", "Tài", "Tâm", "Tân", "Thắng", "Thành", "Thiện", "Thịnh", "Thông",
            "Tiến", "Toàn", "Trí", "Trọng", "Trung", "Trường", "Tú", "Tuấn", "Tùng", "Văn", "Việt", "Vinh", "Vũ",
            "Xuân", "Bằng", "Đăng", "Khiêm", "Lợi", "Nhật", "Sang", "Thái", "Thuận", "Tín", "Tường", "Vĩnh",
        ].map(\.precomposedStringWithCanonicalMapping)
        femaleGiven = [
            "An", "Anh", "Ánh", "Bích", "Chi", "Dung", "Diệp", "Diễm", "Duyên", "Giang", "Hà", "Hạnh", "Hằng",
            "Hiền", "Hoa", "Hòa", "Hồng", "Huệ", "Hương", "Hường", "Huyền", "Khánh", "Lan", "Liên", "Linh", "Loan",
            "Ly", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nguyệt", "Nhàn", "Nhi", "Nhung", "Oanh", "Phương", "Phượng",
            "Quế", "Quyên", "Quỳnh", "Sen", "Tâm", "Thảo", "Thắm", "Thanh", "Thơ", "Thu", "Thủy", "Thúy", "Thư",
            "Thương", "Tiên", "Trang", "Trâm", "Trinh", "Tuyết", "Uyên", "Vân", "Vi", "Xuân", "Yến", "Hảo", "Lụa",
            "Mận", "Nhạn", "Đào", "Cúc", "Liễu", "Gấm", "Thoa", "Vy", "Hiên", "Khuê", "Ngà", "Trúc", "Tuyền",
        ].map(\.precomposedStringWithCanonicalMapping)
    }

    /// A middle name; "Văn"/"Thị" less often for people born after 1990.
    func middle(for sex: Sex, birthYear: Int, _ random: inout SplitMix64) -> String {
        let choice = sex == .male ? maleMiddle : femaleMiddle
        var name = choice.draw(&random)
        if birthYear >= 1990, name == "Văn" || name == "Thị", random.chance(0.5) {
            name = choice.draw(&random)
        }
        return name
    }

    func given(for sex: Sex, _ random: inout SplitMix64) -> String {
        random.pick(sex == .male ? maleGiven : femaleGiven)
    }
}
