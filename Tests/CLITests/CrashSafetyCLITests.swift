import Foundation
import Testing

/// Crash safety through the real binary: `kill -9` of the daemon at scripted moments of a large ingest, and an
/// ingest that dies right after its N-th store write for N = 1, 2, 3, 5, 8 … until it completes. Every time the
/// store must be as before the batch or as after it, the feed gap-free and duplicate-free, and the file sound.
@Suite struct CrashSafetyCLITests {
    /// The store's visible state: counts by kind, the feed head, and the person clusters as a partition of mention
    /// keys (entity IDs aside).
    struct StoreState: Equatable {
        var status: String
        var clusters: Set<Set<String>>
    }

    static func state(_ runner: CLIRunner, store: String) throws -> StoreState {
        let status = try runner.run(["status", "--json", "--store", store])
        var groups: [String: Set<String>] = [:]
        for kind in ["person", "parcel", "enterprise"] {
            let export = try runner.run(["export", "clusters", "--kind", kind, "--store", store])
            for line in export.stdout.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                guard fields.count >= 3, let entity = fields.last else { continue }
                groups[String(entity), default: []].insert(fields.dropLast().joined(separator: ","))
            }
        }
        return StoreState(status: status.stdout, clusters: Set(groups.values))
    }

    /// The file is sound, and the feed runs 1…head with every event id once.
    static func checkSoundAndGapFree(_ path: String) throws {
        #expect(try CLIRunner.query(path, "PRAGMA integrity_check") == ["ok"])
        let sequences = try CLIRunner.query(path, "SELECT sequence FROM feed_events ORDER BY sequence").compactMap { Int($0) }
        #expect(sequences == (0..<sequences.count).map { $0 + 1 }, "the feed has no gap")
        let ids = try CLIRunner.query(path, "SELECT id FROM feed_events")
        #expect(Set(ids).count == ids.count, "no event twice")
    }

    static func copyStore(_ from: String, to: String) throws {
        for suffix in ["", "-wal", "-shm", "-access", "-access-wal", "-access-shm"] {
            try? FileManager.default.removeItem(atPath: to + suffix)
            if FileManager.default.fileExists(atPath: from + suffix) { try FileManager.default.copyItem(atPath: from + suffix, toPath: to + suffix) }
        }
    }

    @Test func anIngestKilledAfterAnyWriteLeavesTheStoreBeforeOrAfterTheBatch() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 300, seed: 8)
        let lines = try String(contentsOfFile: "\(data)/land.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let land = "\(runner.directory)/land-part.csv"
        try (lines.prefix(151).joined(separator: "\n") + "\n").write(toFile: land, atomically: true, encoding: .utf8)
        let before = "\(runner.directory)/before.db"
        #expect(try runner.run(["ingest", "--mapping", "Mappings/population.yaml", "\(data)/population.xml", "--store", "sqlite:\(before)"]).status == 0)
        let beforeState = try Self.state(runner, store: "sqlite:\(before)")
        let reference = "\(runner.directory)/reference.db"
        try Self.copyStore(before, to: reference)
        #expect(try runner.run(["ingest", "--mapping", "Mappings/land.yaml", land, "--store", "sqlite:\(reference)"]).status == 0)
        let afterState = try Self.state(runner, store: "sqlite:\(reference)")
        #expect(afterState != beforeState)

        var (a, b) = (1, 2)
        var crashes = 0
        var completedAt: Int?
        let trial = "\(runner.directory)/trial.db"
        for n in [1, 2] + (0..<40).lazy.map({ _ in (a, b) = (b, a + b); return b }) {
            try Self.copyStore(before, to: trial)
            let result = try runner.run(
                ["ingest", "--mapping", "Mappings/land.yaml", land, "--store", "sqlite:\(trial)"],
                environment: ["LIENTHONG_FAULT_EXIT_AFTER_WRITES": "\(n)"])
            if result.status == 0 {
                completedAt = n
                break
            }
            #expect(result.status == 86, "N = \(n): \(result.stderr)")
            crashes += 1
            let state = try Self.state(runner, store: "sqlite:\(trial)")
            #expect(state == beforeState, "after a crash at write \(n) the store is as before the batch")
            try Self.checkSoundAndGapFree(trial)
            // The next run applies the batch exactly once.
            if n == 2 || n == 89 {
                #expect(try runner.run(["ingest", "--mapping", "Mappings/land.yaml", land, "--store", "sqlite:\(trial)"]).status == 0)
                #expect(try Self.state(runner, store: "sqlite:\(trial)") == afterState)
                try Self.checkSoundAndGapFree(trial)
            }
        }
        #expect(completedAt != nil && crashes >= 10, "the batch makes more than 10 writes and completes under a large N")
        #expect(try Self.state(runner, store: "sqlite:\(trial)") == afterState)
    }

    @Test func theDaemonKilledNineTimesDuringALargeIngestAppliesEverythingOnce() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 3_000, seed: 13)
        let reference = "\(runner.directory)/reference.db"
        for (mapping, file) in [("population.yaml", "population.xml"), ("land.yaml", "land.csv")] {
            #expect(try runner.run(["ingest", "--mapping", "Mappings/\(mapping)", "\(data)/\(file)", "--store", "sqlite:\(reference)"]).status == 0)
        }
        let referenceState = try Self.state(runner, store: "sqlite:\(reference)")

        let config = "\(runner.directory)/lienthong.yaml"
        try """
            store: \(runner.store)
            sources:
            \(DaemonCLITests.source("population", registry: "population", mapping: "population.yaml", connector: "file: \(data)/population.xml", schedule: "@daily"))
            \(DaemonCLITests.source("land", registry: "land", mapping: "land.yaml", connector: "file: \(data)/land.csv", schedule: "@daily"))
            """.write(toFile: config, atomically: true, encoding: .utf8)
        // Scripted moments (seconds after a run has started, so that each kill lands inside the ingest however fast
        // the machine is); the same every run.
        let path = String(runner.store.dropFirst("sqlite:".count))
        var seed: UInt64 = 0x5EED
        for _ in 0..<10 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let daemon = try DaemonProcess(config: config, directory: runner.directory)
            _ = DaemonProcess.eventually(10) {
                (try? CLIRunner.query(path, "SELECT count(*) FROM job_runs WHERE status = 'running'")).map { $0 != ["0"] } ?? false
            }
            Thread.sleep(forTimeInterval: Double(seed >> 40) / Double(1 << 24) * 1.5)
            daemon.signal(SIGKILL)
            #expect(daemon.waitForExit(seconds: 10) != nil)
        }
        let final = try DaemonProcess(config: config, directory: runner.directory)
        let finished = DaemonProcess.eventually(180) {
            (try? CLIRunner.query(path, "SELECT count(*) FROM job_states WHERE last_slot IS NOT NULL")) == ["2"]
        }
        #expect(finished, "both sources end up applied\n\(final.log)")
        final.signal(SIGTERM)
        #expect(final.waitForExit(seconds: 30) == 0)

        #expect(try Self.state(runner, store: runner.store) == referenceState, "the same clusters and counts as one clean run")
        try Self.checkSoundAndGapFree(path)
        #expect(try CLIRunner.query(path, "SELECT count(*) FROM job_runs WHERE status = 'running'") == ["0"], "no run stays running")
        #expect(Int(try CLIRunner.query(path, "SELECT count(*) FROM job_runs WHERE status = 'interrupted'").first ?? "0") ?? 0 >= 1)
    }
}
