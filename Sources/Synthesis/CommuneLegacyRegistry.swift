import Domain
import TextEncodings

/// Writes `commune_legacy.csv`: household books of a few old communes, as an old desktop program stored them —
/// TCVN3 bytes, `;` separated, CRLF line ends.
struct CommuneLegacyRegistry {
    static let fileName = "commune_legacy.csv"
    static let source = "commune_legacy"
    static let header = "so_ho_khau;stt;ho_ten;ngay_sinh;gioi_tinh;quan_he_chu_ho;so_cmnd;dia_chi\r\n"

    private let writer: BufferedFileWriter
    private(set) var count = 0
    private(set) var households = 0
    /// Characters TCVN3 cannot hold, written without their marks.
    private(set) var unencodableCharacters = 0

    init(directory: String) throws {
        writer = try BufferedFileWriter(path: directory + "/" + Self.fileName)
        try writer.write(Self.header)
    }

    /// Writes every member of the household and returns their record keys (`{so_ho_khau}-{stt}`).
    mutating func write(_ household: SyntheticHousehold, places: PlaceTables, _ random: inout SplitMix64) throws -> [String] {
        households += 1
        let book = "SHK" + TextFormatting.padded(households, width: 6)
        let address: String
        if let old = household.oldPlace {
            address = household.detail + ", " + old.communeName + ", " + old.districtName + ", " + old.provinceName
        } else {
            let commune = places.communes[household.communeIndex]
            address = household.detail + ", " + commune.name + ", " + (places.provinceNames[commune.provinceCode] ?? "")
        }
        var keys: [String] = []
        for (position, person) in household.members.enumerated() {
            let number = String(position + 1)
            let birth =
                person.yearOnly || random.chance(0.2)
                ? String(person.year) : TextFormatting.dayMonthYear(day: person.day, month: person.month, year: person.year)
            let fields = [
                book, number, person.fullName, birth, person.sex == .male ? "Nam" : "Nữ", person.relation,
                random.chance(0.7) ? (person.cmnd ?? "") : "", address,
            ]
            try writer.write(bytes: encode(fields.joined(separator: ";") + "\r\n"))
            count += 1
            keys.append(book + "-" + number)
        }
        return keys
    }

    /// TCVN3 bytes; a character TCVN3 lacks is written without its marks (or as `?`) and counted.
    private mutating func encode(_ line: String) -> [UInt8] {
        if let bytes = VietnameseCodec.encode(line, as: .tcvn3) { return bytes }
        var bytes: [UInt8] = []
        for character in line {
            if let encoded = VietnameseCodec.encode(String(character), as: .tcvn3) {
                bytes += encoded
                continue
            }
            unencodableCharacters += 1
            bytes += VietnameseCodec.encode(TextFormatting.withoutDiacritics(String(character)), as: .tcvn3) ?? [0x3F]
        }
        return bytes
    }

    func close() throws { try writer.close() }
}
