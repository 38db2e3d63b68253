import Domain
import Foundation
import Normalization
import Reference
import Testing

@testable import Synthesis

@Suite struct RegistryGeneratorTests {
    static let fileNames = ["population.xml", "land.csv", "enterprise.json", "commune_legacy.csv", "truth.csv"]

    @Test func sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let first = try GeneratedFiles(persons: 1500, seed: 7)
        let second = try GeneratedFiles(persons: 1500, seed: 7)
        let other = try GeneratedFiles(persons: 1500, seed: 8)
        defer { [first, second, other].forEach { $0.remove() } }
        #expect(first.summary == second.summary)
        for name in Self.fileNames {
            #expect(try first.bytes(name) == second.bytes(name), "\(name) differs between identical runs")
            #expect(try first.bytes(name) != other.bytes(name), "\(name) ignores the seed")
        }
        #expect(first.summary.files == Self.fileNames)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: first.directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func summaryCountsEqualRecordsInFiles() throws {
        let files = try GeneratedFiles(persons: 3000, seed: 11)
        defer { files.remove() }
        let summary = files.summary
        #expect(summary.persons == 3000)
        #expect(summary.population == 3000)
        #expect(try files.text("population.xml").components(separatedBy: "<cong_dan ma=").count - 1 == 3000)
        #expect(try files.csvRows("land.csv").count == summary.land)
        let enterprises = try JSONSerialization.jsonObject(with: files.bytes("enterprise.json")) as? [[String: Any]]
        #expect(enterprises?.count == summary.enterprises)
        let legacyLines = try files.bytes("commune_legacy.csv").split(separator: 0x0A)
        #expect(legacyLines.count - 1 == summary.communeLegacy)
        #expect(try files.csvRows("truth.csv").count == summary.truthRows)
        #expect(summary.truthRows == summary.population + summary.land + summary.enterprises + summary.communeLegacy)
        // Shares from the brief: ~30% own 1–3 parcels, ~5% represent enterprises, ~2% in the legacy file.
        #expect((600...1400).contains(summary.land))
        #expect((80...300).contains(summary.enterprises))
        #expect((10...300).contains(summary.communeLegacy))
        #expect(summary.badRecords >= 0)
    }

    @Test func personalNumbersAreValidAndConsistent() throws {
        let files = try GeneratedFiles(persons: 2000, seed: 3)
        defer { files.remove() }
        let entries = PopulationEntry.parse(try files.text("population.xml"))
        #expect(entries.count == 2000)
        var seen = Set<String>()
        var checked = 0
        for entry in entries {
            #expect(seen.insert(entry.number).inserted, "duplicate personal number")
            let year = Int(entry.birth.prefix(4))
            let birthDate = year.flatMap { PartialDate(year: $0) }
            let sex: Sex? = entry.sex == "Nam" ? .male : entry.sex == "Nữ" ? .female : nil
            #expect(birthDate != nil && sex != nil)
            let result = PersonalNumber.normalize(entry.number, birthDate: birthDate, sex: sex, reference: GeneratedFiles.reference)
            #expect(result.value?.isValid == true)
            #expect(result.findings.isEmpty, "\(entry.key): \(result.findings)")
            if let birthDate, (1930...2007).contains(birthDate.year) { checked += 1 }
        }
        #expect(checked == 2000)
    }

    @Test func enterpriseCodesAreValidAndRepresentativesArePeople() throws {
        let files = try GeneratedFiles(persons: 4000, seed: 5)
        defer { files.remove() }
        let json = try JSONSerialization.jsonObject(with: files.bytes("enterprise.json")) as? [[String: Any]] ?? []
        #expect(!json.isEmpty)
        for enterprise in json {
            let code = enterprise["ma_so_doanh_nghiep"] as? String ?? ""
            #expect(EnterpriseCode.normalize(code).value?.isValid == true, "\(code)")
            let address = enterprise["dia_chi"] as? [String: Any]
            let commune = GeneratedFiles.reference.commune2025(code: address?["ma_xa"] as? String ?? "")
            #expect(commune?.provinceCode == address?["ma_tinh"] as? String)
            let representative = enterprise["nguoi_dai_dien"] as? [String: Any]
            #expect(["CCCD", "CMND"].contains(representative?["loai_giay_to"] as? String ?? ""))
            #expect((representative?["ho_ten"] as? String ?? "").split(separator: " ").count >= 3)
        }
        #expect(Set(json.compactMap { $0["ma_so_doanh_nghiep"] as? String }).count == json.count)
    }

    @Test func truthCoversEveryRecordKeyInFileOrder() throws {
        let files = try GeneratedFiles(persons: 2500, seed: 9)
        defer { files.remove() }
        let truth = try files.csvRows("truth.csv")
        #expect(truth.allSatisfy { $0.count == 3 && $0[2].hasPrefix("U") })
        func keys(_ source: String) -> [String] { truth.filter { $0[0] == source }.map { $0[1] } }
        let population = PopulationEntry.parse(try files.text("population.xml")).map(\.key)
        #expect(keys("population") == population)
        #expect(keys("land") == (try files.csvRows("land.csv")).map { $0[0] })
        let json = try JSONSerialization.jsonObject(with: files.bytes("enterprise.json")) as? [[String: Any]] ?? []
        #expect(keys("enterprise") == json.compactMap { $0["ma_so_doanh_nghiep"] as? String })
        let legacy = try files.bytes("commune_legacy.csv").split(separator: 0x0A).dropFirst().map { line -> String in
            let fields = line.split(separator: 0x3B, omittingEmptySubsequences: false)
            return String(decoding: fields[0], as: UTF8.self) + "-" + String(decoding: fields[1], as: UTF8.self)
        }
        #expect(keys("commune_legacy") == legacy)
        // Sources appear in file order: population, land, enterprise, commune_legacy.
        let order = truth.map { $0[0] }.reduce(into: [String]()) { seen, source in if seen.last != source { seen.append(source) } }
        #expect(order == ["population", "land", "enterprise", "commune_legacy"])
        // Every person has exactly one population record, and uids there are 1…N.
        #expect(truth.filter { $0[0] == "population" }.map { $0[2] } == (1...2500).map { "U" + String(format: "%07d", $0) })
    }
}
