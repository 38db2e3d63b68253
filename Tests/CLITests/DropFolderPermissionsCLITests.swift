import Foundation
import Testing

/// A drop file the daemon's user cannot read is reported and retried, never taken as processed or skipped silently.
/// Run without root's privileges (setpriv to nobody when the tests run as root), so that permissions apply.
@Suite struct DropFolderPermissionsCLITests {
    @Test func anUnreadableDropFileIsReportedAndTakenOnceItCanBeRead() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 80, seed: 15)
        let drop = "\(runner.directory)/drop"
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
        for path in [runner.directory, drop] { try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path) }
        let land = try String(contentsOfFile: "\(data)/land.csv", encoding: .utf8)
        let lines = land.split(separator: "\n").map(String.init)
        try #require(lines.count > 20)
        try ([lines[0]] + lines[1..<10]).joined(separator: "\n").appending("\n").write(toFile: "\(drop)/land-a.csv", atomically: true, encoding: .utf8)
        try ([lines[0]] + lines[10..<20]).joined(separator: "\n").appending("\n").write(toFile: "\(drop)/land-b.csv", atomically: true, encoding: .utf8)
        for name in ["land-a.csv", "land-b.csv"] {
            try FileManager.default.setAttributes(
                [.posixPermissions: name == "land-b.csv" ? 0o000 : 0o644, .modificationDate: Date(timeIntervalSinceNow: -60)],
                ofItemAtPath: "\(drop)/\(name)")
        }
        let arguments = ["ingest", "--mapping", "Mappings/land.yaml", "--drop", drop, "--settle", "0", "--json", "--store", runner.store]

        let first = try runner.run(arguments, unprivileged: true)
        #expect(first.status == 1, "\(first.stdout)\(first.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [[String: Any]], "\(first.stderr)")
        let byName = Dictionary(uniqueKeysWithValues: reports.compactMap { report in
            (report["file"] as? String).map { (URL(fileURLWithPath: $0).lastPathComponent, report) }
        })
        #expect((byName["land-a.csv"]?["counts"] as? [String: Int])?["staged"] == 9)
        let unreadable = try #require(byName["land-b.csv"])
        #expect(unreadable["fetchFailed"] as? Bool == true)
        #expect((unreadable["rejected"] as? String)?.contains("cannot be read") == true, "\(unreadable)")
        #expect(first.stderr.contains("land-b.csv cannot be read"), "\(first.stderr)")

        // Readable again: the next round takes it (it was never marked processed or rejected).
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: "\(drop)/land-b.csv")
        let second = try runner.run(arguments, unprivileged: true)
        #expect(second.status == 0, "\(second.stderr)")
        let again = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [[String: Any]])
        let taken = again.first { ($0["file"] as? String)?.hasSuffix("land-b.csv") == true }
        #expect((taken?["counts"] as? [String: Int])?["staged"] == 10, "\(again)")
    }
}
