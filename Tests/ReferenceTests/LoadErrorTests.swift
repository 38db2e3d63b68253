import Domain
import Foundation
import Testing

@testable import Reference

@Suite struct LoadErrorTests {
    /// A copy of the shipped tables in a fresh temporary directory.
    private func copyOfShippedTables() throws -> String {
        let source = try #require(ReferenceData.defaultDirectory())
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("reference-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: target + "/" + name)
        }
        return target
    }

    private func replaceLine(_ number: Int, in path: String, with text: String) throws {
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        lines[number - 1] = text
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func badCodeNamesFileAndLine() throws {
        let directory = try copyOfShippedTables()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try replaceLine(5, in: directory + "/communes_2025.csv", with: "12A45,Xã Lỗi,xã,01")
        #expect {
            _ = try ReferenceData.load(directory: directory)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("communes_2025.csv:5:") && text.contains("5 digits")
        }
    }

    @Test func wrongFieldCountAndBadFlag() throws {
        let directory = try copyOfShippedTables()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try replaceLine(3, in: directory + "/districts_pre2025.csv", with: "002,Quận Hoàn Kiếm")
        #expect(throws: Diagnostic.self) { _ = try ReferenceData.load(directory: directory) }
        do {
            _ = try ReferenceData.load(directory: directory)
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.location.line == 3)
            #expect(diagnostic.location.file.hasSuffix("districts_pre2025.csv"))
            #expect(diagnostic.rule == "reference.field_count")
        }
        try FileManager.default.copyItem(
            atPath: try #require(ReferenceData.defaultDirectory()) + "/districts_pre2025.csv",
            toPath: directory + "/districts_fixed.csv")
        try FileManager.default.removeItem(atPath: directory + "/districts_pre2025.csv")
        try FileManager.default.moveItem(atPath: directory + "/districts_fixed.csv", toPath: directory + "/districts_pre2025.csv")
        try replaceLine(2, in: directory + "/commune_crosswalk_2025.csv", with: "00001,001,01,00097,01,maybe,2025-07-01")
        #expect {
            _ = try ReferenceData.load(directory: directory)
        } throws: { error in
            String(describing: error).contains("commune_crosswalk_2025.csv:2:") && String(describing: error).contains("is_partial")
        }
    }

    @Test func missingFileIsReported() throws {
        let directory = try copyOfShippedTables()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.removeItem(atPath: directory + "/land_use_codes.csv")
        #expect {
            _ = try ReferenceData.load(directory: directory)
        } throws: { error in
            String(describing: error).contains("land_use_codes.csv") && String(describing: error).contains("cannot read")
        }
    }

    @Test func quotedFieldsAndCRLF() throws {
        let directory = try copyOfShippedTables()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = "code,name\r\nODT,\"Đất ở, \"\"đô thị\"\"\"\r\nONT,Đất ở tại nông thôn\r\n"
        try text.write(toFile: directory + "/land_use_codes.csv", atomically: true, encoding: .utf8)
        let data = try ReferenceData.load(directory: directory)
        #expect(data.landUseName(code: "ODT") == "Đất ở, \"đô thị\"")
        #expect(data.landUseName(code: "ONT") == "Đất ở tại nông thôn")
    }
}
