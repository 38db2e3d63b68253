import Foundation
import Testing

/// Re-ingesting a changed file maps only its changed records (`RecordFingerprint`), and the store ends exactly as
/// if every record had been mapped again; anything that decides what a record maps to re-maps everything.
@Suite struct UnchangedRecordsCLITests {
    /// `ingest --json`'s counts for one file.
    static func counts(_ result: CLIRunner.Result) throws -> [String: Int] {
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        return try #require(reports?.first?["counts"] as? [String: Int], "\(result.stdout)")
    }

    /// Every mention (key, version, content hash) and every golden record, as text to compare two stores by.
    static func contents(of store: String) throws -> [String] {
        try CLIRunner.query(store, "SELECT source, kind, record_key, version, content_hash FROM mentions ORDER BY 1, 2, 3")
            + CLIRunner.query(store, "SELECT entity_id, body FROM golden_records ORDER BY 1")
            + CLIRunner.query(store, "SELECT type, subject FROM feed_events ORDER BY sequence")
    }

    @Test func aChangedFileMapsOnlyItsChangedRecordsAndEndsAsAFullReMapWould() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 150, seed: 6)
        let original = try String(contentsOfFile: "\(data)/land.csv", encoding: .utf8)
        var lines = original.split(separator: "\n").map(String.init)
        let rows = lines.count - 1
        // One owner renamed, one row added (a copy of another under a new file number and parcel).
        var renamed = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        renamed[7] += " Anh"
        lines[3] = renamed.joined(separator: ",")
        var added = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        added[0] = "LD9000001"
        added[3] = "999"
        lines.append(added.joined(separator: ","))
        let changed = "\(runner.directory)/land-changed.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: changed, atomically: true, encoding: .utf8)

        let first = try Self.counts(runner.run(["ingest", "--mapping", "Mappings/land.yaml", "\(data)/land.csv", "--json", "--store", runner.store]))
        #expect(first["read"] == rows && first["staged"] == rows && first["recordsUnchanged"] == 0)
        let second = try Self.counts(runner.run(["ingest", "--mapping", "Mappings/land.yaml", changed, "--json", "--store", runner.store]))
        #expect(second["read"] == rows + 1 && second["staged"] == rows + 1 && second["quarantined"] == 0)
        #expect(second["recordsUnchanged"] == rows - 1, "all but the changed row and the new one skip mapping: \(second)")
        #expect((second["mentionsChanged"] ?? 0) >= 2 && (second["mentionsChanged"] ?? 0) <= 4, "\(second)")

        // The same two files into a second store, every record mapped: the same mentions, golden records and feed.
        let reference = "sqlite:\(runner.directory)/reference.db"
        _ = try Self.counts(runner.run(["ingest", "--mapping", "Mappings/land.yaml", "\(data)/land.csv", "--json", "--store", reference]))
        let remapped = try Self.counts(
            runner.run(["ingest", "--mapping", "Mappings/land.yaml", changed, "--remap-all", "--json", "--store", reference]))
        #expect(remapped["recordsUnchanged"] == 0 && remapped["mentionsChanged"] == second["mentionsChanged"])
        #expect(remapped["mentionsUnchanged"] == second["mentionsUnchanged"], "skipped records count their mentions as unchanged")
        let skippedStore = try Self.contents(of: runner.store)
        #expect(!skippedStore.isEmpty)
        #expect(skippedStore == (try Self.contents(of: reference)))
    }

    @Test func editingTheMappingReMapsEveryRecordOnce() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 60, seed: 8)
        let mapping = "\(runner.directory)/land.yaml"
        let shipped = try String(contentsOfFile: "\(CLIRunner.packageRoot)/Mappings/land.yaml", encoding: .utf8)
        try shipped.write(toFile: mapping, atomically: true, encoding: .utf8)
        let land = "\(data)/land.csv"
        let first = try Self.counts(runner.run(["ingest", "--mapping", mapping, land, "--json", "--store", runner.store]))
        let rows = try #require(first["read"])
        let again = try Self.counts(runner.run(["ingest", "--mapping", mapping, land, "--json", "--store", runner.store]))
        #expect(again["recordsUnchanged"] == rows && again["mentionsChanged"] == 0, "\(again)")
        // Only a comment added: the mapping file changed, so every record is mapped again (and nothing changes).
        try (shipped + "\n# reviewed 2026-11-23\n").write(toFile: mapping, atomically: true, encoding: .utf8)
        let edited = try Self.counts(runner.run(["ingest", "--mapping", mapping, land, "--json", "--store", runner.store]))
        #expect(edited["recordsUnchanged"] == 0 && edited["staged"] == rows && edited["mentionsChanged"] == 0, "\(edited)")
        // … once: the next run skips them again.
        let after = try Self.counts(runner.run(["ingest", "--mapping", mapping, land, "--json", "--store", runner.store]))
        #expect(after["recordsUnchanged"] == rows, "\(after)")
    }
}
