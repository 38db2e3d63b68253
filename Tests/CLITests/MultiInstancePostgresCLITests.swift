import Foundation
import StoragePostgres
import Testing

/// Several gateways on one PostgreSQL database: three `lienthong serve` daemons with the same configuration sync
/// four registries at once. Each job runs once (claimed by one daemon), the clusters are those of a single
/// process ingesting the same files, and the feed has every sequence once. Runs beside the test server of
/// `scripts/with-postgres.sh` (`make test`).
@Suite(.enabled(if: PostgresTestServer.url != nil || PostgresTestServer.required, "needs a PostgreSQL server (scripts/with-postgres.sh)"))
struct MultiInstancePostgresCLITests {
    @Test func threeDaemonsRunEachJobOnceAndClusterAsOneProcessDoes() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 400, seed: 23)
        let store = try PostgresTestServer.newDatabase()
        let sources: [(name: String, registry: String, mapping: String, file: String)] = [
            ("population", "population", "population.yaml", "population.xml"), ("land", "land", "land.yaml", "land.csv"),
            ("enterprise", "enterprise", "enterprise.yaml", "enterprise.json"),
            ("commune-legacy", "commune", "commune_legacy.yaml", "commune_legacy.csv"),
        ]
        // A file connector waits for a file modified in the last 2 s to settle: these were written a while ago.
        for source in sources {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: "\(data)/\(source.file)")
        }
        let config = "\(runner.directory)/lienthong.yaml"
        try (["store: \(store)", "sources:"]
            + sources.map {
                DaemonCLITests.source($0.name, registry: $0.registry, mapping: $0.mapping, connector: "file: \(data)/\($0.file)", schedule: "every 1h")
            }).joined(separator: "\n").write(toFile: config, atomically: true, encoding: .utf8)

        let daemons = try (0..<3).map { _ in try DaemonProcess(config: config, directory: runner.directory) }
        func runs(_ source: String) throws -> [[String: Any]] {
            let history = try runner.run(["jobs", "history", source, "--json", "--store", store])
            return (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]) ?? []
        }
        let finished = try DaemonProcess.eventually(120) {
            try sources.allSatisfy { source in try runs(source.name).contains { ($0["status"] as? String) == "succeeded" } }
        }
        #expect(finished, "the jobs did not finish: \(daemons.map(\.log).joined(separator: "\n"))")
        Thread.sleep(forTimeInterval: 1.5)  // a daemon that lost a claim looks again on its next pass: it must not run the slot
        for daemon in daemons { daemon.signal(SIGTERM) }
        for daemon in daemons { #expect(daemon.waitForExit(seconds: 30) == 0) }

        for source in sources {
            let history = try runs(source.name)
            #expect(history.count == 1, "\(source.name) ran \(history.count) times")
            #expect(history.first?["status"] as? String == "succeeded", "\(source.name): \(history)")
        }
        let started = daemons.map { daemon in daemon.logEvents.filter { $0["msg"] as? String == "job started" }.count }
        #expect(started.reduce(0, +) == sources.count, "job starts per daemon: \(started)")

        // The feed: every sequence from 1 to the head once, every event ID once.
        let feed = try runner.run(["feed", "--after", "0", "--limit", "100000", "--store", store])
        let events = feed.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let sequences = events.compactMap { ($0["sequence"] as? NSNumber)?.int64Value }
        #expect(!sequences.isEmpty)
        #expect(sequences == (0..<Int64(sequences.count)).map { $0 + 1 }, "the feed has gaps or repeats")
        #expect(Set(events.compactMap { $0["id"] as? String }).count == events.count)

        // One process ingesting the same files into SQLite gives the same clusters (entity IDs aside).
        for source in sources {
            let ingested = try runner.run([
                "ingest", "--mapping", "\(DaemonCLITests.mappings)/\(source.mapping)", "\(data)/\(source.file)",
                "--store", runner.store,
            ])
            #expect(ingested.status == 0, "\(ingested.stderr)")
        }
        #expect(try Self.partition(runner, store) == Self.partition(runner, runner.store))
    }

    /// The person clusters of a store as sets of `source:key`, without their entity IDs.
    static func partition(_ runner: CLIRunner, _ store: String) throws -> Set<Set<String>> {
        let export = try runner.run(["export", "clusters", "--kind", "person", "--store", store])
        var clusters: [String: Set<String>] = [:]
        for line in export.stdout.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            clusters[fields[2], default: []].insert(fields[0] + ":" + fields[1])
        }
        return Set(clusters.values)
    }
}

/// The throwaway server `scripts/with-postgres.sh` starts, and new databases on it.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["LIENTHONG_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["LIENTHONG_REQUIRE_POSTGRES"] == "1"

    /// The URL of a new, empty database the store accepts.
    static func newDatabase() throws -> String {
        guard let url else { throw CLIRunner.CLIError(message: "LIENTHONG_TEST_POSTGRES is not set: run under scripts/with-postgres.sh") }
        return try PostgresDatabases.create(named: "lt_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""), on: url)
    }
}
