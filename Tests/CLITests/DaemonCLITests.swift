import Foundation
import Testing

/// The daemon through the real binary: its configuration check, scheduled jobs with retries and pause, SIGHUP
/// reloads (a bad file refused), sd_notify, metrics and a clean SIGTERM.
@Suite struct DaemonCLITests {
    static let mappings = "\(CLIRunner.packageRoot)/Mappings"

    static func source(_ name: String, registry: String, mapping: String, connector: String, schedule: String, retry: String = "") -> String {
        """
          - name: \(name)
            registry: \(registry)
            mapping: \(mappings)/\(mapping)
            connector:
        \(connector.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            schedule: "\(schedule)"
        \(retry)
        """
    }

    @Test func configCheckReportsEveryErrorWithItsPlace() throws {
        let runner = try CLIRunner()
        let bad = "\(runner.directory)/bad.yaml"
        try """
            store: sqlite:store.db
            listn: 127.0.0.1:1
            sources:
              - name: pop
                registry: land
                mapping: \(Self.mappings)/population.yaml
                connector: {file: /nowhere.xml, glob: "*.xml"}
                schedule: "*/5 61 * * *"
                encoding: tcvn
                tombstones: keep
              - name: land
                registry: land
                mapping: \(Self.mappings)/land.yaml
                connector: {url: "ftp://example/land.csv"}
                schedule: every 5 minutes
                mode: snapshots
              - name: enterprise
                registry: enterprise
                mapping: \(Self.mappings)/enterprise.yaml
                connector: {url: "https://example/enterprises", page_param: "p&q"}
                schedule: "@hourly"
                mode: snapshot
                tombstone_limit: 120%
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let checked = try runner.run(["config", "check", bad])
        #expect(checked.status == 1)
        let expected = [
            "bad.yaml:2:1: error: unknown key 'listn'", "(did you mean 'listen'?)",
            "bad.yaml:8:20: error: hour field: 61 is out of range 0–23 (column 5)",
            "bad.yaml:9:15: error: unknown encoding 'tcvn'", "(did you mean 'tcvn3'?)",
            "bad.yaml:7:37: error: glob applies to drop: connectors only",
            "bad.yaml:5:15: error: the mapping \(Self.mappings)/population.yaml maps the population registry, not land",
            "bad.yaml:14:22: error: expected an absolute http(s) URL", "bad.yaml:15:21: error: interval: '5 minutes' is not a duration",
            "bad.yaml:10:5: error: tombstones applies to 'mode: snapshot' sources only",
            "bad.yaml:16:11: error: mode is 'incremental'", "(did you mean 'snapshot'?)",
            "bad.yaml:23:22: error: tombstone_limit is a share from 0% to 100%, found '120%'",
            "bad.yaml:20:65: error: page_param: expected a query parameter name (letters, digits, '_', '-', '.'), got 'p&q'",
            "bad.yaml: 11 error(s)",
        ]
        for text in expected { #expect(checked.stderr.contains(text), "\(text)\n\(checked.stderr)") }

        // An empty connector is an error, not a source quietly left out; a duration past a year is a typo.
        let empty = "\(runner.directory)/empty.yaml"
        try """
            idle_timeout: 1e20
            store_connections: 1
            sources:
              - name: pop
                registry: population
                mapping: \(Self.mappings)/population.yaml
                connector: {file: ""}
                schedule: "@daily"
            """.write(toFile: empty, atomically: true, encoding: .utf8)
        let emptyChecked = try runner.run(["config", "check", empty])
        #expect(emptyChecked.status == 1)
        for text in [
            "empty.yaml:1:15: error: '1e20' is longer than 366 days", "empty.yaml:2:20: error: 1 is outside 3…512",
            "empty.yaml:7:23: error: file: is empty", "empty.yaml: 3 error(s)",
        ] {
            #expect(emptyChecked.stderr.contains(text), "\(text)\n\(emptyChecked.stderr)")
        }

        // The shipped example passes once its mappings and secrets are where it says (here: the repository, temp files).
        var example = try String(contentsOfFile: "\(CLIRunner.packageRoot)/deploy/lienthong.yaml", encoding: .utf8)
        example = example.replacingOccurrences(of: "/etc/lienthong/mappings/", with: "\(Self.mappings)/")
        for directory in ["secrets", "tls"] {
            try FileManager.default.createDirectory(atPath: "\(runner.directory)/\(directory)", withIntermediateDirectories: true)
            example = example.replacingOccurrences(of: "/etc/lienthong/\(directory)/", with: "\(runner.directory)/\(directory)/")
        }
        for line in example.split(separator: "\n") where line.contains("_file:") || line.contains("cacert:") {
            let path = line.split(separator: ":", maxSplits: 1)[1].split(separator: "#")[0].trimmingCharacters(in: .whitespaces)
            _ = FileManager.default.createFile(atPath: path, contents: Data("x\n".utf8))
        }
        try example.write(toFile: "\(runner.directory)/example.yaml", atomically: true, encoding: .utf8)
        let exampleCheck = try runner.run(["config", "check", "\(runner.directory)/example.yaml"])
        #expect(exampleCheck.status == 0, "\(exampleCheck.stderr)")
        #expect(exampleCheck.stdout.contains("population [population] url https://dancu.example.gov.vn/export/population.xml (snapshot, tombstones retire up to 5%)"), "\(exampleCheck.stdout)")

        let good = "\(runner.directory)/good.yaml"
        try """
            store: sqlite:store.db
            sources:
            \(Self.source("land", registry: "land", mapping: "land.yaml", connector: "drop: in\nglob: \"*.csv\"", schedule: "@hourly"))
            """.write(toFile: good, atomically: true, encoding: .utf8)
        let ok = try runner.run(["config", "check", good])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("store sqlite:\(runner.directory)/store.db") && ok.stdout.contains("drop \(runner.directory)/in (*.csv)"))
    }

    @Test func theDaemonSchedulesRetriesPausesReloadsNotifiesAndStopsCleanly() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 300, seed: 5)
        let drop = "\(runner.directory)/drop"
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
        let late = "\(runner.directory)/late/population.xml"
        let config = "\(runner.directory)/lienthong.yaml"
        let header = "store: \(runner.store)\nlog_level: debug\nsources:\n"
        let land = Self.source("land", registry: "land", mapping: "land.yaml", connector: "drop: \(drop)\nsettle: 0s", schedule: "every 1s")
        // The file is not there yet: the job fails and is retried with back-off until it appears.
        let population = Self.source(
            "population", registry: "population", mapping: "population.yaml", connector: "file: \(late)", schedule: "every 1h",
            retry: "    retry: {attempts: 50, base: 1s, max: 1s}")
        try (header + population + "\n" + land).write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try runner.run(["config", "check", config]).status == 0)

        let notify = try NotifyListener(directory: runner.directory)
        let daemon = try DaemonProcess(config: config, directory: runner.directory, notifySocket: notify.path)
        #expect(notify.receive(seconds: 5, until: "READY=1").contains("READY=1"))
        #expect(try daemon.get("/readyz").status == 200)

        // Failures are recorded and retried; once the file appears the same slot succeeds.
        #expect(DaemonProcess.eventually(10) { daemon.log.contains("job failed; will retry") })
        try FileManager.default.createDirectory(atPath: "\(runner.directory)/late", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(data)/population.xml", toPath: late)
        #expect(DaemonProcess.eventually(20) { daemon.log.contains(#""msg":"job finished","source":"population""#) })
        let history = try runner.run(["jobs", "history", "population", "--json", "--store", runner.store])
        let runs = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(runs.first?["status"] as? String == "succeeded")
        #expect(runs.dropFirst().contains { $0["status"] as? String == "failed" && ($0["error"] as? String ?? "").contains("does not exist") })

        // A paused source takes nothing; resumed, it takes the file.
        #expect(try runner.run(["jobs", "pause", "land", "--store", runner.store]).status == 0)
        #expect(try runner.run(["jobs", "pause", "lnad", "--store", runner.store]).status == 2, "a name no job has run under")
        Thread.sleep(forTimeInterval: 1.5)
        try FileManager.default.copyItem(atPath: "\(data)/land.csv", toPath: "\(drop)/land.csv")
        Thread.sleep(forTimeInterval: 3)
        #expect(!daemon.log.contains(#""msg":"job finished","source":"land","inputs":1"#), "paused: the new file waits")
        #expect(try runner.run(["jobs", "resume", "land", "--store", runner.store]).status == 0)
        #expect(DaemonProcess.eventually(20) { daemon.log.contains(#""msg":"job finished","source":"land","inputs":1"#) })
        let listed = try runner.run(["jobs", "list", "--config", config])
        #expect(listed.stdout.contains("land") && listed.stdout.contains("active") && listed.stdout.contains("succeeded"), "\(listed.stdout)")

        // Metrics: job runs by outcome and API requests by route.
        let metrics = try daemon.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains(#"lienthong_job_runs_total{source="population",outcome="failed"}"#))
        #expect(metrics.body.contains(#"lienthong_job_runs_total{source="population",outcome="succeeded"} 1"#))
        #expect(metrics.body.contains(#"lienthong_records_total{source="land",outcome="staged"}"#))
        #expect(metrics.body.contains(#"lienthong_http_requests_total{route="/readyz",status="200"} 1"#))
        #expect(metrics.body.contains("lienthong_review_queue_open{type=\"match\"}") && metrics.body.contains("lienthong_feed_head_sequence"))

        // SIGHUP with a broken file: refused, logged, the running configuration kept.
        let good = try String(contentsOfFile: config, encoding: .utf8)
        try (good + "\nbogus: 1\n").write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(DaemonProcess.eventually(5) { daemon.log.contains("configuration refused; keeping the running one") })
        #expect(daemon.log.contains("unknown key 'bogus'"))
        #expect(try daemon.get("/readyz").status == 200)
        // SIGHUP with a valid file that adds a source: it runs.
        let enterprise = Self.source(
            "enterprise", registry: "enterprise", mapping: "enterprise.yaml", connector: "file: \(data)/enterprise.json", schedule: "@daily")
        try (good + "\n" + enterprise).write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(DaemonProcess.eventually(20) { daemon.log.contains(#""msg":"job finished","source":"enterprise""#) })
        #expect(notify.receive(seconds: 2).contains("RELOADING=1"))

        // SIGTERM: STOPPING=1, exit 0, nothing left running.
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(seconds: 30) == 0)
        #expect(notify.receive(seconds: 2, until: "STOPPING=1").contains("STOPPING=1"))
        #expect(daemon.logEvents.last?["msg"] as? String == "stopped")
        #expect(daemon.logEvents.allSatisfy { $0["time"] is String && $0["level"] is String && $0["msg"] is String })

        // After a restart the hourly and daily sources are not run again: their slots were run.
        let again = try DaemonProcess(config: config, directory: runner.directory)
        #expect(DaemonProcess.eventually(3) { again.log.contains("job started") && again.log.contains("land") })
        Thread.sleep(forTimeInterval: 2)
        #expect(!again.log.contains(#""msg":"job started","source":"population""#))
        #expect(!again.log.contains(#""msg":"job started","source":"enterprise""#))
        again.signal(SIGTERM)
        #expect(again.waitForExit(seconds: 30) == 0)
    }
}
