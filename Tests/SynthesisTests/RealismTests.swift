import Domain
import Foundation
import Reference
import Testing
import TextEncodings

@testable import Synthesis

@Suite struct RealismTests {
    @Test func legacyFileIsTCVN3WithCRLFAndDecodesToVietnamese() throws {
        let files = try GeneratedFiles(persons: 5000, seed: 21)
        defer { files.remove() }
        let bytes = try files.bytes("commune_legacy.csv")
        #expect(String(decoding: bytes.prefix(72), as: UTF8.self) == "so_ho_khau;stt;ho_ten;ngay_sinh;gioi_tinh;quan_he_chu_ho;so_cmnd;dia_chi")
        #expect(String(data: bytes, encoding: .utf8) == nil || !bytes.contains(where: { $0 >= 0x80 }))
        let lines = bytes.split(separator: 0x0A)
        #expect(lines.allSatisfy { $0.last == 0x0D })
        var heads = 0
        var accented = 0
        for line in lines.dropFirst() {
            let text = try VietnameseCodec.decode(line.dropLast(), as: .tcvn3)
            let fields = text.components(separatedBy: ";")
            #expect(fields.count == 8)
            if fields[1] == "1" {
                #expect(fields[5] == "Chủ hộ")
                heads += 1
            }
            if fields[2].unicodeScalars.contains(where: { !$0.isASCII && $0.properties.isAlphabetic }) { accented += 1 }
            #expect(fields[4] == "Nam" || fields[4] == "Nữ")
            #expect(fields[6].isEmpty || fields[6].count == 9)
        }
        #expect(heads > 0)
        #expect(accented * 2 > lines.count - 1)
        #expect(files.summary.legacyUnencodableCharacters == 0)
        // The head's relation as TCVN3 bytes: "Chñ hé".
        #expect(VietnameseCodec.encode("Chủ hộ", as: .tcvn3) == Array("Chñ hé".unicodeScalars.map { UInt8($0.value) }))
    }

    @Test func namesFollowRealFrequencies() throws {
        let files = try GeneratedFiles(persons: 4000, seed: 2)
        defer { files.remove() }
        let entries = PopulationEntry.parse(try files.text("population.xml"))
        let named = entries.filter { !$0.name.isEmpty }.map { $0.name.precomposedStringWithCanonicalMapping }
        let nguyen = named.filter { $0.hasPrefix("Nguyễn ") }.count
        #expect(Double(nguyen) / Double(named.count) > 0.30 && Double(nguyen) / Double(named.count) < 0.46)
        #expect(named.contains { $0.contains(" Thị ") })
        #expect(named.contains { $0.contains(" Văn ") })
        #expect(NamePools().givenNameCount >= 150)
        // ~3% of names in NFD (String == ignores normalisation, so compare scalars).
        let nfd = entries.filter {
            !$0.name.unicodeScalars.elementsEqual($0.name.precomposedStringWithCanonicalMapping.unicodeScalars)
        }.count
        #expect((40...200).contains(nfd))
    }

    @Test func householdsAndResidencesAreConsistent() throws {
        let files = try GeneratedFiles(persons: 3000, seed: 4)
        defer { files.remove() }
        let xml = try files.text("population.xml")
        var books: [String: [String]] = [:]
        var order: [String] = []
        let pattern = try NSRegularExpression(pattern: "<ma_tinh>(\\d+)</ma_tinh>\\s*<ma_xa>(\\d+)</ma_xa>")
        let range = NSRange(xml.startIndex..., in: xml)
        for match in pattern.matches(in: xml, range: range) {
            let province = (xml as NSString).substring(with: match.range(at: 1))
            let commune = (xml as NSString).substring(with: match.range(at: 2))
            #expect(GeneratedFiles.reference.commune2025(code: commune)?.provinceCode == province)
        }
        let household = try NSRegularExpression(pattern: "<ho_khau so=\"(HK\\d+)\" quan_he=\"([^\"]+)\"/>")
        for match in household.matches(in: xml, range: range) {
            let book = (xml as NSString).substring(with: match.range(at: 1))
            if books[book] == nil { order.append(book) }
            books[book, default: []].append((xml as NSString).substring(with: match.range(at: 2)))
        }
        #expect(books.values.reduce(0) { $0 + $1.count } == 3000)
        for book in order {
            let relations = books[book] ?? []
            #expect(relations.first == "Chủ hộ")
            #expect((1...6).contains(relations.count))
            #expect(relations.dropFirst().allSatisfy { ["Vợ", "Chồng", "Con", "Bố", "Mẹ", "Cháu", "Em"].contains($0) })
        }
        #expect(books.values.contains { $0.count >= 4 })
    }

    @Test func landRowsCarryNoiseOldCodesAndValidOwners() throws {
        let files = try GeneratedFiles(persons: 6000, seed: 13)
        defer { files.remove() }
        let rows = try files.csvRows("land.csv")
        #expect(rows.allSatisfy { $0.count == 13 })
        var upper = 0
        var yearOnly = 0
        var placeholder = 0
        var old = 0
        var cmnd = 0
        for row in rows {
            #expect(GeneratedFiles.reference.communePre2025(code: row[1]) != nil, "ma_xa \(row[1]) is not a pre-2025 commune")
            #expect(GeneratedFiles.reference.landUseName(code: row[5]) != nil)
            #expect(Double(row[4]).map { $0 > 0 } == true)
            if row[7] == row[7].uppercased() { upper += 1 }
            if row[8].count == 4 { yearOnly += 1 }
            if row[8].hasPrefix("00/00/") { placeholder += 1 }
            if row[12].contains("Huyện ") || row[12].contains("Quận ") || row[12].contains("Thị xã ") { old += 1 }
            if row[10] == "CMND" {
                cmnd += 1
                #expect(row[11].count == 9)
            } else {
                #expect(row[10] == "CCCD" && row[11].count == 12)
            }
        }
        let total = Double(rows.count)
        #expect(Double(upper) / total > 0.06 && Double(upper) / total < 0.16)
        #expect(Double(yearOnly) / total > 0.05 && Double(yearOnly) / total < 0.16)
        #expect(placeholder > 0)
        #expect(Double(old) / total > 0.35)
        #expect(cmnd > 0)
        let keys = Set(rows.map { "\($0[1]).\($0[2]).\($0[3])" })
        #expect(keys.count == rows.count, "parcel keys repeat")
    }

    @Test func deliberatelyBadRecordsArePresentAndInTruth() throws {
        let files = try GeneratedFiles(persons: 12000, seed: 1)
        defer { files.remove() }
        #expect(files.summary.badRecords > 0)
        let entries = PopulationEntry.parse(try files.text("population.xml"))
        let bad = entries.filter { $0.name.isEmpty || $0.birth.hasSuffix("-02-31") }
        let badLand = try files.csvRows("land.csv").filter { $0[8].hasPrefix("31/02/") }
        #expect(bad.count + badLand.count == files.summary.badRecords)
        let truthKeys = Set(try files.csvRows("truth.csv").map { $0[1] })
        #expect(bad.allSatisfy { truthKeys.contains($0.key) })
        #expect(badLand.allSatisfy { truthKeys.contains($0[0]) })
    }

    @Test func prngIsStableAcrossPlatforms() {
        var random = SplitMix64(seed: 0)
        // Reference values of SplitMix64 for seed 0.
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        var a = SplitMix64(seed: 99)
        let draws = (0..<1000).map { _ in a.below(10) }
        #expect(Set(draws) == Set(0..<10))
    }
}
