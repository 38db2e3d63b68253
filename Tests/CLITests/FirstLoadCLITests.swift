import Foundation
import Testing

/// The first load of a source skips the store lookups that can only miss (`FirstLoadMemory`): repeated records and
/// repeated keys in the file must still stage exactly as they do into a store that already holds the source.
@Suite struct FirstLoadCLITests {
    @Test func aFirstLoadWithRepeatedRecordsAndKeysStagesAsALaterLoadDoes() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 80, seed: 11)
        var lines = try String(contentsOfFile: "\(data)/land.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        let rows = lines.count - 1
        // Row 4 again as it is (an unchanged record), row 6 again with its owner renamed (the later row wins).
        lines.append(lines[4])
        var renamed = lines[6].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        renamed[7] += " Văn"
        lines.append(renamed.joined(separator: ","))
        let file = "\(runner.directory)/land-repeats.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)

        let first = try UnchangedRecordsCLITests.counts(
            runner.run(["ingest", "--mapping", "Mappings/land.yaml", file, "--json", "--store", runner.store]))
        #expect(first["read"] == rows + 2 && first["staged"] == rows + 2 && first["recordsUnchanged"] == 1, "\(first)")

        // The same file into a store that already holds one mention of the source: every key and fingerprint is
        // looked up there. Both end with the same mentions, versions and contents.
        let reference = "sqlite:\(runner.directory)/reference.db"
        let seed = "\(runner.directory)/land-seed.csv"
        var seedRow = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        seedRow[0] = "LD8000000"
        seedRow[3] = "888"
        try ([lines[0], seedRow.joined(separator: ",")].joined(separator: "\n") + "\n").write(toFile: seed, atomically: true, encoding: .utf8)
        _ = try UnchangedRecordsCLITests.counts(runner.run(["ingest", "--mapping", "Mappings/land.yaml", seed, "--json", "--store", reference]))
        let later = try UnchangedRecordsCLITests.counts(
            runner.run(["ingest", "--mapping", "Mappings/land.yaml", file, "--json", "--store", reference]))
        for count in ["read", "staged", "quarantined", "recordsUnchanged", "mentionsChanged", "mentionsUnchanged"] {
            #expect(first[count] == later[count], "\(count): first load \(first), later load \(later)")
        }
        let mentions = "SELECT source, kind, record_key, version, content_hash FROM mentions WHERE record_key != 'LD8000000' ORDER BY 1, 2, 3"
        let loaded = try CLIRunner.query(runner.store, mentions)
        #expect(loaded.count >= rows && loaded.contains { $0.contains("\t2\t") }, "the renamed owner is version 2: \(loaded.prefix(4))")
        #expect(loaded == (try CLIRunner.query(reference, mentions)))
    }
}
