import Foundation
import Testing

/// `lienthong decode FILE`: what the gateway sees in a file — one JSON line per record with its location, record
/// problems as error lines, a file that cannot be decoded as exit 1 with file:line:col; legacy encodings detected
/// on a realistic generated register.
@Suite struct DecodeCLITests {
    static func lines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test func recordsAndRecordErrorsPrintWithTheirLocations() throws {
        let runner = try CLIRunner()
        let path = "\(runner.directory)/a.csv"
        try "ma,ho_ten\n1,\"Lê Văn\nAn\"\n2,Bình,extra\n3,Chi\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runner.run(["decode", path])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = try Self.lines(result.stdout)
        #expect(printed.count == 3)
        #expect((printed[0]["fields"] as? [String: String]) == ["ma": "1", "ho_ten": "Lê Văn\nAn"])
        #expect((printed[0]["location"] as? [String: Any])?["line"] as? Int == 2)
        #expect((printed[1]["location"] as? [String: Any])?["line"] as? Int == 4)
        #expect((printed[1]["error"] as? [String])?.first?.hasPrefix("csv.ragged_row") == true, "\(printed[1])")
        #expect((printed[2]["fields"] as? [String: String])?["ho_ten"] == "Chi")
        let aliased = try runner.run(["decode", path, "--alias", "name=HO_TEN", "--limit", "1"])
        #expect(try (Self.lines(aliased.stdout).first?["fields"] as? [String: String])?["name"] == "Lê Văn\nAn", "\(aliased.stderr)")
        #expect(try runner.run(["decode", path, "--alias", "name"]).status == 2)
        #expect(try runner.run(["decode", path, "--alias", "a=HO_TEN", "--alias", "b=ho_ten"]).status == 2)
        let limited = try runner.run(["decode", path, "--limit", "1"])
        #expect(try limited.status == 0 && Self.lines(limited.stdout).count == 1)
    }

    @Test func aFileThatCannotBeDecodedExitsOneWithItsPlace() throws {
        let runner = try CLIRunner()
        let path = "\(runner.directory)/b.xml"
        try "<ds><r>1</r><r>2</ds>".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runner.run(["decode", path, "--record", "r"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("b.xml:1:22: error:") && result.stderr.contains("[xml.tag_mismatch]"), "\(result.stderr)")
        #expect(try Self.lines(result.stdout).count == 1, "the record before the failure was printed")
        let unknown = try runner.run(["decode", path, "--format", "yaml"])
        #expect(unknown.status == 2)
    }

    @Test func namespacesAreKeyedByTheGivenPrefix() throws {
        let runner = try CLIRunner()
        let path = "\(runner.directory)/ns.xml"
        try "<ds xmlns:ns0=\"urn:vn:dancu\"><ns0:r ns0:ma=\"7\"><ns0:ten>An</ns0:ten></ns0:r></ds>".write(toFile: path, atomically: true, encoding: .utf8)
        let asWritten = try runner.run(["decode", path, "--record", "r"])
        #expect(try (Self.lines(asWritten.stdout).first?["fields"] as? [String: String]) == ["@ns0:ma": "7", "ns0:ten": "An"], "\(asWritten.stdout)")
        let bound = try runner.run(["decode", path, "--record", "r", "--namespace", "dc=urn:vn:dancu"])
        #expect(try (Self.lines(bound.stdout).first?["fields"] as? [String: String]) == ["@dc:ma": "7", "dc:ten": "An"], "\(bound.stdout)")
        #expect(try runner.run(["decode", path, "--namespace", "dc"]).status == 2)
        #expect(try runner.run(["decode", path, "--namespace", "dc=urn:a", "--namespace", "dc=urn:b"]).status == 2)
        #expect(try runner.run(["decode", path, "--namespace", "dc=urn:a", "--namespace", "x=urn:a"]).status == 2)
    }

    @Test func aGeneratedTCVN3RegisterIsDetectedAndDecodedWhole() throws {
        let runner = try CLIRunner()
        #expect(try runner.run(["generate", "--persons", "3000", "--seed", "5", "--out", runner.directory]).status == 0)
        let path = "\(runner.directory)/commune_legacy.csv"
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(data: raw, encoding: .utf8) == nil, "the file is legacy-encoded, not UTF-8")
        let detected = try runner.run(["decode", path])
        let forced = try runner.run(["decode", path, "--encoding", "tcvn3"])
        #expect(detected.status == 0 && forced.status == 0, "\(detected.stderr)\(forced.stderr)")
        #expect(detected.stdout == forced.stdout, "auto detection chose TCVN3")
        let records = try Self.lines(detected.stdout)
        #expect(records.count > 50 && records.allSatisfy { $0["fields"] != nil }, "no record errors")
        let text = records.compactMap { ($0["fields"] as? [String: String])?.values.joined(separator: " ") }.joined(separator: " ")
        #expect(text.unicodeScalars.contains { (0x1EA0...0x1EF9).contains($0.value) }, "Vietnamese letters decoded")
        #expect(!text.unicodeScalars.contains { $0 == "\u{FFFD}" || (0x80...0x9F).contains($0.value) }, "no replacement or C1 characters")
        #expect(text.contains("Chủ hộ"), "household relations read as written")
    }
}
