import Foundation
import Testing

/// Quarantined records re-driven through a fixed mapping, without their file, through the real binary.
@Suite struct QuarantineRetryCLITests {
    @Test func aFixedMappingStagesWhatItNowMapsAndLeavesTheRestOpen() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 200, seed: 4)
        var lines = try String(contentsOfFile: "\(data)/land.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        // A mapping written for month-first dates, the birth date required: every owner born after the 12th fails it.
        let broken = "\(runner.directory)/land-mdy.yaml"
        let shipped = try String(contentsOfFile: "\(CLIRunner.packageRoot)/Mappings/land.yaml", encoding: .utf8)
        try shipped.replacingOccurrences(of: "transform: date_dmy}", with: "transform: date_mdy, required: true}").write(toFile: broken, atomically: true, encoding: .utf8)
        // … and one row with a stray quote the CSV reader cannot decode.
        lines.append("LD9999999,25579,1,1,10,ONT,\"CH 1,Bad \"Row,01/01/1970,Nam,CCCD,072170000001,x")
        let land = "\(runner.directory)/land.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: land, atomically: true, encoding: .utf8)
        #expect(try runner.run(["ingest", "--mapping", broken, land, "--store", runner.store]).status == 0)
        let open = try JSONSerialization.jsonObject(with: Data(try runner.run(["quarantine", "list", "--json", "--store", runner.store]).stdout.utf8))
            as? [[String: Any]] ?? []
        let failing = open.count - 1
        #expect(failing > 5, "\(open.count) quarantined")
        let mapped = open.filter { $0["recordJSON"] != nil }
        #expect(mapped.count == failing)
        #expect(mapped.allSatisfy { "\($0["reasons"] ?? "")".contains("birth_date") }, "each fails on the birth date")
        let undecodable = try #require(open.first { $0["recordJSON"] == nil }?["id"] as? Int)
        let shown = try runner.run(["quarantine", "show", "\(undecodable)", "--store", runner.store])
        #expect(shown.status == 0 && shown.stdout.contains("LD9999999") && shown.stdout.contains("cannot be retried"))

        let before = try runner.run(["status", "--json", "--store", runner.store]).stdout
        // The same mapping again: nothing changes, everything still fails.
        let same = try runner.run(["quarantine", "retry", "--mapping", broken, "--store", runner.store])
        #expect(same.status == 1 && same.stdout.contains("0 staged") && same.stdout.contains("\(failing) still failing"), "\(same.stdout)\(same.stderr)")
        #expect(try runner.run(["status", "--json", "--store", runner.store]).stdout == before)

        // The fixed (shipped, day-first) mapping stages and resolves them; the undecodable row stays.
        let retried = try runner.run(["quarantine", "retry", "--mapping", "Mappings/land.yaml", "--json", "--store", runner.store])
        let report = try JSONSerialization.jsonObject(with: Data(retried.stdout.utf8)) as? [String: Any]
        #expect((report?["staged"] as? [Int])?.count == failing && (report?["notRetryable"] as? [Int]) == [undecodable], "\(retried.stdout)")
        #expect(retried.status == 1, "the undecodable row still needs a corrected file")
        let counts = report?["counts"] as? [String: Any]
        #expect(counts?["staged"] as? Int == failing && (counts?["mentionsChanged"] as? Int ?? 0) >= failing && (counts?["feedEvents"] as? Int ?? 0) > 0)
        let remaining = try JSONSerialization.jsonObject(with: Data(try runner.run(["quarantine", "list", "--json", "--store", runner.store]).stdout.utf8))
            as? [[String: Any]] ?? []
        #expect(remaining.compactMap { $0["id"] as? Int } == [undecodable])
        let all = try runner.run(["quarantine", "list", "--all", "--store", runner.store]).stdout
        #expect(all.components(separatedBy: "(retried)").count - 1 == failing)
        let history = try runner.run(["jobs", "history", "land", "--store", runner.store]).stdout
        #expect(history.contains(" retry "), "\(history)")
    }

    @Test func aDamagedStoredRecordIsReportedWithItsErrorAndLeftOpen() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 80, seed: 5)
        let broken = "\(runner.directory)/land-mdy.yaml"
        let shipped = try String(contentsOfFile: "\(CLIRunner.packageRoot)/Mappings/land.yaml", encoding: .utf8)
        try shipped.replacingOccurrences(of: "transform: date_dmy}", with: "transform: date_mdy, required: true}").write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(try runner.run(["ingest", "--mapping", broken, "\(data)/land.csv", "--store", runner.store]).status == 0)
        let damaged = try #require(Int(try CLIRunner.query(runner.store, "SELECT min(id) FROM quarantine WHERE record IS NOT NULL").first ?? ""))
        try CLIRunner.execute(runner.store, "UPDATE quarantine SET record = '{\"ho_ten_chu\": ' WHERE id = \(damaged);")

        let retried = try runner.run(["quarantine", "retry", "--mapping", "Mappings/land.yaml", "--json", "--store", runner.store])
        #expect(retried.status == 1, "a record left behind fails the command")
        let report = try JSONSerialization.jsonObject(with: Data(retried.stdout.utf8)) as? [String: Any]
        let unreadable = try #require(report?["unreadable"] as? [[String: Any]], "\(retried.stdout)")
        let id = unreadable.first?["id"] as? Int
        let error = unreadable.first?["error"] as? String
        #expect(unreadable.count == 1 && id == damaged, "\(retried.stdout)")
        #expect(error?.contains("at byte") == true, "the reason is given: \(error ?? "none")")
        #expect((report?["notRetryable"] as? [Int]) == [])
        #expect(try CLIRunner.query(runner.store, "SELECT status FROM quarantine WHERE id = \(damaged)") == ["open"])
    }
}
