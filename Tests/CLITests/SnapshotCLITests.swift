import Foundation
import Testing

/// Sources delivered as full snapshots through the real binary: what an input leaves out is retired (or counted),
/// comes back when it returns, and an input that would retire too much is rejected whole.
@Suite struct SnapshotCLITests {
    struct Land {
        let runner: CLIRunner
        let header: String
        let rows: [String]

        init(persons: Int, seed: Int) throws {
            runner = try CLIRunner()
            let data = try runner.generate(persons: persons, seed: seed)
            let lines = try String(contentsOfFile: "\(data)/land.csv", encoding: .utf8).split(separator: "\n").map(String.init)
            header = lines[0]
            rows = Array(lines.dropFirst())
        }

        /// A land export of `rows`, written under `name`, its modification time in the past (settled for a drop folder).
        func write(_ rows: [String], _ name: String) throws -> String {
            let path = "\(runner.directory)/\(name)"
            try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: path)
            return path
        }

        func ingest(_ file: String, _ options: [String] = []) throws -> CLIRunner.Result {
            try runner.run(["ingest", "--mapping", "Mappings/land.yaml", "--snapshot", file, "--json", "--store", runner.store] + options)
        }

        func scalar(_ sql: String) throws -> Int { Int(try CLIRunner.query(runner.store, sql).first ?? "") ?? -1 }
        var retired: Int { get throws { try scalar("SELECT count(*) FROM mentions WHERE retired_at IS NOT NULL") } }
        var live: Int { get throws { try scalar("SELECT count(*) FROM mentions WHERE retired_at IS NULL") } }
        var unassignedLive: Int {
            get throws {
                try scalar(
                    "SELECT count(*) FROM mentions m LEFT JOIN entity_members e ON e.mention_id = m.id "
                        + "WHERE m.retired_at IS NULL AND e.mention_id IS NULL")
            }
        }
    }

    @Test func aSnapshotRetiresWhatItLeavesOutAndBringsItBackWhenItReturns() throws {
        let land = try Land(persons: 120, seed: 12)
        let full = try land.write(land.rows, "land-full.csv")
        let first = try UnchangedRecordsCLITests.counts(land.ingest(full))
        #expect(first["read"] == land.rows.count && first["mentionsMissing"] == 0 && first["mentionsRetired"] == 0)
        let mentions = try land.live
        #expect(mentions >= 2 * land.rows.count, "an owner and a parcel per row")

        // Two rows deleted upstream: their owner and parcel mentions leave their entities.
        let keys = land.rows.prefix(2).map { String($0.split(separator: ",")[0]) }
        let entities = try CLIRunner.query(
            land.runner.store,
            "SELECT DISTINCT e.entity_id FROM mentions m JOIN entity_members e ON e.mention_id = m.id WHERE m.record_key IN ('\(keys[0])', '\(keys[1])')")
        let head = try land.scalar("SELECT max(sequence) FROM feed_events")
        let partial = try land.write(Array(land.rows.dropFirst(2)), "land-partial.csv")
        let second = try UnchangedRecordsCLITests.counts(land.ingest(partial))
        #expect(second["read"] == land.rows.count - 2 && second["recordsUnchanged"] == land.rows.count - 2)
        #expect(second["mentionsMissing"] == 4 && second["mentionsRetired"] == 4, "\(second)")
        #expect(try land.retired == 4 && land.live == mentions - 4)
        #expect(try land.unassignedLive == 0)
        #expect(try land.scalar("SELECT count(*) FROM mention_links l JOIN mentions m ON m.id IN (l.from_mention, l.to_mention) WHERE m.retired_at IS NOT NULL") == 0)
        // Every entity that lost a mention was retired or republished, in this run's feed events.
        for entity in entities {
            let events = try land.scalar("SELECT count(*) FROM feed_events WHERE sequence > \(head) AND subject = '\(entity)'")
            #expect(events >= 1, "\(entity) changed without a feed event")
        }
        #expect(try land.scalar("SELECT count(*) FROM feed_events WHERE sequence > \(head) AND type = 'entity.retired'") >= 1)
        let status = try land.runner.run(["status", "--json", "--store", land.runner.store])
        #expect(status.stdout.contains(#""mentionsRetired":4"#) || status.stdout.contains(#""mentionsRetired" : 4"#), "\(status.stdout)")

        // The rows come back: their mentions are live again, each with a new version after its tombstone.
        let third = try UnchangedRecordsCLITests.counts(land.ingest(full))
        #expect(third["mentionsMissing"] == 0 && third["mentionsChanged"] == 4 && third["recordsUnchanged"] == land.rows.count - 2, "\(third)")
        #expect(try land.retired == 0 && land.live == mentions && land.unassignedLive == 0)
        #expect(try land.scalar("SELECT max(version) FROM mentions WHERE record_key = '\(keys[0])'") == 3)
    }

    @Test func anInputLeavingOutTooMuchIsRejectedWholeAndKeepOnlyCounts() throws {
        let land = try Land(persons: 60, seed: 13)
        _ = try UnchangedRecordsCLITests.counts(land.ingest(try land.write(land.rows, "land.csv")))
        let mentions = try land.live

        // A truncated export (the header alone): nothing applied, the reason names the file and the limit.
        let empty = try land.write([], "land-empty.csv")
        let rejected = try land.ingest(empty)
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("\(empty): error: this snapshot leaves out \(mentions) of the source's \(mentions) live mentions (100%)"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("tombstone limit of 20%") && rejected.stderr.contains("[snapshot.tombstone_limit]"))
        #expect(try land.retired == 0 && land.live == mentions)
        #expect(try CLIRunner.query(land.runner.store, "SELECT status FROM job_runs ORDER BY id DESC LIMIT 1") == ["rejected"])

        // New records do not dilute the limit: a quarter of the rows left out, as many new rows added → rejected.
        let quarter = land.rows.count / 4
        let added = land.rows.prefix(quarter).enumerated().map { offset, row in
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[0] = "LD9\(String(format: "%06d", offset))"
            fields[3] = "\(900 + offset)"
            return fields.joined(separator: ",")
        }
        let diluted = try land.write(Array(land.rows.dropFirst(quarter)) + added, "land-diluted.csv")
        let dilutedResult = try land.ingest(diluted)
        #expect(dilutedResult.status == 1 && dilutedResult.stderr.contains("leaves out \(2 * quarter) of the source's \(mentions)"), "\(dilutedResult.stderr)")
        #expect(try land.live == mentions)

        // keep: missing mentions are counted, none retired, and the limit does not apply (nothing is retired).
        let half = try land.write(Array(land.rows.prefix(land.rows.count / 2)), "land-half.csv")
        for _ in 0..<2 {
            let kept = try UnchangedRecordsCLITests.counts(land.ingest(half, ["--tombstones", "keep"]))
            #expect(kept["mentionsMissing"] == mentions - 2 * (land.rows.count / 2) && kept["mentionsRetired"] == 0, "\(kept)")
        }
        #expect(try land.retired == 0)

        // The limit raised for one run: the empty export retires the whole source.
        let all = try UnchangedRecordsCLITests.counts(land.ingest(empty, ["--tombstone-limit", "100%"]))
        #expect(all["mentionsRetired"] == mentions && all["read"] == 0)
        #expect(try land.live == 0 && land.scalar("SELECT count(*) FROM entities WHERE status = 'active'") == 0)
    }

    @Test func aMentionStatedByTwoRecordsStaysWhileOneOfThemRemains() throws {
        let land = try Land(persons: 40, seed: 17)
        // A mapping whose parcel is keyed by its certificate: co-owners' rows state the same parcel mention.
        let shipped = try String(contentsOfFile: "\(CLIRunner.packageRoot)/Mappings/land.yaml", encoding: .utf8)
        let keyed = try #require(shipped.components(separatedBy: "\nexamples:").first)
            .replacingOccurrences(of: "  - id: parcel\n    kind: parcel\n", with: "  - id: parcel\n    kind: parcel\n    key: so_giay_chung_nhan\n")
        #expect(keyed.contains("key: so_giay_chung_nhan"))
        let mapping = "\(land.runner.directory)/land-keyed.yaml"
        try keyed.write(toFile: mapping, atomically: true, encoding: .utf8)
        var rows = land.rows
        var second = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        second[6] = String(rows[0].split(separator: ",", omittingEmptySubsequences: false)[6])
        rows[1] = second.joined(separator: ",")
        func ingest(_ rows: [String]) throws -> [String: Int] {
            let file = try land.write(rows, "land.csv")
            return try UnchangedRecordsCLITests.counts(
                land.runner.run(["ingest", "--mapping", mapping, "--snapshot", file, "--json", "--store", land.runner.store]))
        }
        _ = try ingest(rows)
        _ = try ingest(rows)
        // The second co-owner's row is gone: only its owner mention is missing; the parcel is still stated by the first.
        let after = try ingest(rows.enumerated().filter { $0.offset != 1 }.map(\.element))
        #expect(after["mentionsMissing"] == 1 && after["mentionsRetired"] == 1, "\(after)")
        #expect(try land.scalar("SELECT count(*) FROM mentions WHERE kind = 'parcel' AND retired_at IS NOT NULL") == 0)
    }

    @Test func eachSnapshotReplacesTheSourcesOpenQuarantine() throws {
        let land = try Land(persons: 40, seed: 16)
        let ragged = "LD8000001,07522,1"
        _ = try UnchangedRecordsCLITests.counts(land.ingest(try land.write(land.rows + [ragged], "land.csv")))
        #expect(try land.scalar("SELECT count(*) FROM quarantine WHERE status = 'open'") == 1)
        // The same export again: the record still fails, its row is reopened, not duplicated.
        _ = try UnchangedRecordsCLITests.counts(land.ingest(try land.write(land.rows + [ragged], "land.csv")))
        #expect(try land.scalar("SELECT count(*) FROM quarantine WHERE status = 'open'") == 1)
        #expect(try land.scalar("SELECT count(*) FROM quarantine") == 1)
        // The registry dropped it: nothing is left to retry.
        _ = try UnchangedRecordsCLITests.counts(land.ingest(try land.write(land.rows, "land.csv")))
        #expect(try land.scalar("SELECT count(*) FROM quarantine WHERE status = 'open'") == 0)
        #expect(try CLIRunner.query(land.runner.store, "SELECT status FROM quarantine") == ["superseded"])
    }

    @Test func snapshotOptionsAreCheckedAndTheDaemonAppliesItsSourcesMode() throws {
        let land = try Land(persons: 40, seed: 14)
        let file = try land.write(land.rows, "land.csv")
        for (options, message) in [
            (["--tombstones", "keep", file], "--tombstones applies to --snapshot only"),
            (["--snapshot", file, file], "--snapshot takes one INPUT or one --drop DIR"),
            (["--snapshot", "--tombstones", "delete", file], "--tombstones expects retire or keep, got 'delete'"),
            (["--snapshot", "--tombstone-limit", "150%", file], "--tombstone-limit expects a share from 0% to 100%, got '150%'"),
        ] {
            let result = try land.runner.run(["ingest", "--mapping", "Mappings/land.yaml", "--store", land.runner.store] + options)
            #expect(result.status == 2 && result.stderr.contains(message), "\(options): \(result.stderr)")
        }

        // A configured snapshot source: run by hand, then by the daemon after a row was deleted from the file.
        let config = "\(land.runner.directory)/lienthong.yaml"
        try """
            store: \(land.runner.store)
            sources:
            \(DaemonCLITests.source("land", registry: "land", mapping: "land.yaml", connector: "file: \(file)", schedule: "every 1s"))
                mode: snapshot
                tombstone_limit: 10%
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let first = try land.runner.run(["jobs", "run", "land", "--config", config])
        #expect(first.status == 0 && first.stdout.contains("0 mentions missing from the snapshot, 0 retired"), "\(first.stdout)\(first.stderr)")
        _ = try land.write(Array(land.rows.dropLast()), "land.csv")
        let daemon = try DaemonProcess(config: config, directory: land.runner.directory)
        defer {
            daemon.signal(SIGTERM)
            _ = daemon.waitForExit(seconds: 10)
        }
        #expect(try DaemonProcess.eventually(20) { try land.retired == 2 }, "\(daemon.log)")
        #expect(DaemonProcess.eventually(5) { (try? daemon.get("/metrics").body.contains(#"lienthong_mentions_retired_total{source="land"} 2"#)) == true })
        let history = try land.runner.run(["jobs", "history", "land", "--json", "--store", land.runner.store])
        #expect(history.stdout.contains(#""mentionsRetired":2"#) || history.stdout.contains(#""mentionsRetired" : 2"#), "\(history.stdout)")
    }
}
