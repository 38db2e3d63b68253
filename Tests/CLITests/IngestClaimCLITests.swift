import Foundation
import StorageSQLite
import Testing

/// `lienthong ingest` claims its mapping's source as a daemon claims a job: while another process holds it (a daemon
/// running that source, another ingest), it refuses instead of running beside it; once released it runs.
@Suite struct IngestClaimCLITests {
    @Test func anIngestRefusesWhileItsSourceIsClaimedElsewhere() throws {
        let runner = try CLIRunner()
        #expect(try runner.run(["generate", "--persons", "50", "--seed", "2", "--out", runner.directory]).status == 0)
        let ingest = ["ingest", "--mapping", "Mappings/land.yaml", "--store", runner.store, "\(runner.directory)/land.csv"]
        let store = try SQLiteStore(path: "\(runner.directory)/store.db")
        let claim = try #require(try store.claimJob("land"), "what a daemon running the land source holds")
        let refused = try runner.run(ingest)
        #expect(refused.status == 1 && refused.stderr.contains("land: another process"), "\(refused.stderr)")
        #expect(try store.read { try $0.jobRuns(source: "land", limit: 10) }.isEmpty, "nothing was run")
        // A daemon's job called otherwise (land-hanoi) that maps the same source waits for the same claim.
        let config = "\(runner.directory)/lienthong.yaml"
        try """
            store: \(runner.store)
            sources:
              - name: land-hanoi
                registry: land
                mapping: \(CLIRunner.packageRoot)/Mappings/land.yaml
                connector: {file: \(runner.directory)/land.csv}
                schedule: "@daily"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let job = try runner.run(["jobs", "run", "land-hanoi", "--config", config])
        #expect(job.status == 1 && job.stderr.contains("another process"), "\(job.stderr)")
        claim.release()
        let applied = try runner.run(ingest)
        #expect(applied.status == 0, "\(applied.stderr)")
        // (The file was just written: a job waits for a file to settle before reading it.)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: "\(runner.directory)/land.csv")
        let ran = try runner.run(["jobs", "run", "land-hanoi", "--config", config])
        #expect(ran.status == 0, "\(ran.stdout)\(ran.stderr)")
    }
}
