import Foundation
import Testing

/// The connectors through the real binary: HTTP pull against a local server, and a drop folder.
@Suite struct ConnectorTests {
    /// Tests/IngestionTests/Fixtures/test_http_server.py serving `root` on 127.0.0.1; stopped by `stop()`.
    final class FileServer {
        let process = Process()
        let port: Int

        init(root: String) throws {
            let output = Pipe()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "\(CLIRunner.packageRoot)/Tests/IngestionTests/Fixtures/test_http_server.py", "--root", root]
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            try output.fileHandleForWriting.close()
            var line = Data()
            while !line.contains(10) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                kill(process.processIdentifier, SIGKILL)
                throw CLIRunner.CLIError(message: "the test server did not start")
            }
            self.port = port
        }

        func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

        func stop() {
            // SIGKILL by pid: the server may have inherited a blocked SIGTERM from a Dispatch worker thread.
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        deinit { stop() }
    }

    func json(_ text: String) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] ?? []
    }

    func feedHead(_ runner: CLIRunner) throws -> Int {
        let result = try runner.run(["status", "--json", "--store", runner.store])
        let status = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return status?["feedHead"] as? Int ?? -1
    }

    @Test func anUnchangedHTTPExportIsNotAppliedTwice() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 150, seed: 3)
        let server = try FileServer(root: data)
        defer { server.stop() }
        let url = server.url("/files/land.csv")
        let ingest = ["ingest", "--mapping", "Mappings/land.yaml", "--store", runner.store, "--timeout", "2", "--retries", "0", url]

        let first = try runner.run(ingest + ["--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try #require(json(first.stdout).first)
        #expect(report["file"] as? String == url)
        #expect(report["pages"] as? Int == 1)
        let counts = report["counts"] as? [String: Int] ?? [:]
        #expect((counts["staged"] ?? 0) > 50)
        #expect((counts["feedEvents"] ?? 0) > 0)
        let head = try feedHead(runner)
        #expect(head > 0)

        let second = try runner.run(ingest)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "\(url): not modified (HTTP 304); nothing applied\n")
        #expect(try feedHead(runner) == head)

        // Records of a pulled export are located by the URL, not by the temporary file.
        try Data("ma_ho_so,ma_xa,so_to\nLD9,1\n".utf8).write(to: URL(fileURLWithPath: "\(data)/ragged.csv"))
        let ragged = try runner.run(["ingest", "--mapping", "Mappings/land.yaml", "--store", runner.store, server.url("/files/ragged.csv")])
        #expect(ragged.status == 0, "\(ragged.stderr)")
        let quarantine = try runner.run(["quarantine", "list", "--source", "land", "--json", "--store", runner.store])
        #expect(quarantine.stdout.contains("\"\(server.url("/files/ragged.csv"))\""), "\(quarantine.stdout)")

        let missing = try runner.run(["ingest", "--mapping", "Mappings/land.yaml", "--store", runner.store, server.url("/files/none.csv")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("rejected: GET \(server.url("/files/none.csv")): HTTP 404 Not Found"), "\(missing.stderr)")
    }

    @Test func aDropFolderIsProcessedOnceAndFiledAway() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 150, seed: 4)
        let drop = "\(runner.directory)/drop"
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(data)/land.csv", toPath: "\(drop)/land.csv")
        try Data().write(to: URL(fileURLWithPath: "\(drop)/empty.csv"))
        try Data("not picked".utf8).write(to: URL(fileURLWithPath: "\(drop)/readme.txt"))
        let ingest = ["ingest", "--mapping", "Mappings/land.yaml", "--store", runner.store, "--drop", drop, "--settle", "0"]

        let first = try runner.run(ingest + ["--glob", "*.csv", "--move-processed", "--json"])
        #expect(first.status == 1, "the empty file is rejected")
        let reports = json(first.stdout)
        #expect(reports.map { $0["file"] as? String } == ["\(drop)/empty.csv", "\(drop)/land.csv"])
        #expect((reports.first?["rejected"] as? String)?.contains("[input.empty]") == true)
        #expect(reports.last?["movedTo"] as? String == "\(drop)/processed/land.csv")
        #expect(FileManager.default.fileExists(atPath: "\(drop)/processed/land.csv"))
        #expect(FileManager.default.fileExists(atPath: "\(drop)/failed/empty.csv"))
        let reason = try String(contentsOfFile: "\(drop)/failed/empty.csv.reason.txt", encoding: .utf8)
        #expect(reason == "\(drop)/empty.csv:1:1: error: the file is empty [input.empty]\n")
        #expect(FileManager.default.fileExists(atPath: "\(drop)/readme.txt"))
        let head = try feedHead(runner)
        #expect(head > 0)

        // Delivered again with the same bytes: already processed, filed away, nothing applied.
        try FileManager.default.copyItem(atPath: "\(data)/land.csv", toPath: "\(drop)/land.csv")
        let again = try runner.run(ingest + ["--move-processed"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "\(drop)/land.csv: already processed (same path, size and SHA-256); nothing applied → \(drop)/processed/land-2.csv\n")
        #expect(try feedHead(runner) == head)

        // Left in place without --move-processed: a changed file is applied, then skipped by the next round.
        let lines = try String(contentsOfFile: "\(data)/land.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try Data((lines.prefix(11).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: "\(drop)/land.csv"))
        let changed = try runner.run(ingest)
        #expect(changed.stdout.hasPrefix("\(drop)/land.csv [land, "), "a changed file is processed again: \(changed.stdout)")
        let settled = try runner.run(ingest)
        #expect(settled.stdout.contains("already processed"))
    }

    @Test func helpDocumentsTheConnectors() throws {
        let help = try CLIRunner().run(["ingest", "--help"])
        #expect(help.status == 0)
        for option in ["--drop DIR", "--glob PATTERN", "--move-processed", "--settle S", "--connect-timeout S", "--timeout S",
                       "--retries N", "--page-param NAME", "--bearer-token-file F", "--basic-auth-file F", "--cacert FILE",
                       "--cert FILE", "--key FILE", "--max-bytes N", "https://"] {
            #expect(help.stdout.contains(option), "\(option)")
        }
        let misuse = try CLIRunner().run(["ingest", "--mapping", "Mappings/land.yaml", "--timeout", "1", "land.csv"])
        #expect(misuse.status == 2)
        #expect(misuse.stderr.hasPrefix("lienthong ingest: --timeout applies to http:// or https:// INPUTs only"))
    }
}
