import Foundation
import Testing

/// The thin end-to-end path through the real binary: generate → ingest (four registries) → resolve → feed/export.
@Suite struct EndToEndTests {
    static let registries = [
        ("Mappings/population.yaml", "population.xml"), ("Mappings/land.yaml", "land.csv"),
        ("Mappings/enterprise.yaml", "enterprise.json"), ("Mappings/commune_legacy.yaml", "commune_legacy.csv"),
    ]

    func ingestAll(_ runner: CLIRunner, data: String) throws -> [CLIRunner.Result] {
        try Self.registries.map { mapping, file in
            try runner.run(["ingest", "--mapping", mapping, "\(data)/\(file)", "--store", runner.store, "--json"])
        }
    }

    func status(_ runner: CLIRunner) throws -> [String: Any] {
        let result = try runner.run(["status", "--json", "--store", runner.store])
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func generateIsDeterministic() throws {
        let a = try CLIRunner(), b = try CLIRunner()
        let first = try a.generate(persons: 300, seed: 5), second = try b.generate(persons: 300, seed: 5)
        for file in ["population.xml", "land.csv", "enterprise.json", "commune_legacy.csv", "truth.csv"] {
            let x = try Data(contentsOf: URL(fileURLWithPath: "\(first)/\(file)"))
            let y = try Data(contentsOf: URL(fileURLWithPath: "\(second)/\(file)"))
            #expect(!x.isEmpty, "\(file) is empty")
            #expect(x == y, "\(file) differs between two runs with the same seed")
        }
        let other = try CLIRunner().generate(persons: 300, seed: 6)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: "\(first)/population.xml"))
                != Data(contentsOf: URL(fileURLWithPath: "\(other)/population.xml")))
    }

    @Test func ingestTwiceChangesNothingTheSecondTime() throws {
        let runner = try CLIRunner()
        let data = try runner.generate()
        let first = try ingestAll(runner, data: data)
        #expect(first.allSatisfy { $0.status == 0 }, "\(first.map(\.stderr))")
        let afterFirst = try status(runner)
        let feedHead = afterFirst["feedHead"] as? Int ?? -1
        #expect(feedHead > 0)

        let second = try ingestAll(runner, data: data)
        #expect(second.allSatisfy { $0.status == 0 })
        for result in second {
            let reports = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            let counts = reports.first?["counts"] as? [String: Int] ?? [:]
            #expect(counts["mentionsChanged"] == 0)
            #expect(counts["feedEvents"] == 0)
            #expect(counts["read"] == (counts["staged"] ?? -1) + (counts["quarantined"] ?? -1))
        }
        let afterSecond = try status(runner)
        #expect(afterSecond["feedHead"] as? Int == feedHead)
        #expect(afterSecond["mentionsByKind"] as? [String: Int] == afterFirst["mentionsByKind"] as? [String: Int])
    }

    @Test func exportHasOneRowPerPersonMentionInTruth() throws {
        let runner = try CLIRunner()
        let data = try runner.generate()
        _ = try ingestAll(runner, data: data)
        let export = try runner.run(["export", "clusters", "--format", "csv", "--store", runner.store])
        #expect(export.status == 0)
        let rows = export.stdout.split(separator: "\n")
        #expect(rows.first == "source,source_record_key,cluster_id")
        let truth = try String(contentsOfFile: "\(data)/truth.csv", encoding: .utf8).split(separator: "\n")
        let quarantined = (try status(runner)["quarantined"] as? Int) ?? 0
        // Every person mention of truth.csv is exported, except records held in quarantine.
        #expect(rows.count - 1 + quarantined >= truth.count - 1)
        #expect(rows.count - 1 <= truth.count - 1)
        let exportedKeys = Set(rows.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") })
        let truthKeys = Set(truth.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") })
        #expect(exportedKeys.isSubset(of: truthKeys))
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",").count == 3 && $0.split(separator: ",")[2].hasPrefix("P-") })
    }

    @Test func aFileThatCannotBeDecodedIsRejectedWhole() throws {
        let runner = try CLIRunner()
        let data = try runner.generate()
        let good = try String(contentsOfFile: "\(data)/population.xml", encoding: .utf8)
        let broken = "\(runner.directory)/broken.xml"
        // Cut the document in the middle of the last record: well-formed records first, then an error.
        try String(good.prefix(good.count - 40)).write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try runner.run(["ingest", "--mapping", "Mappings/population.yaml", broken, "--store", runner.store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.xml:"))
        let summary = try status(runner)
        #expect((summary["mentionsByKind"] as? [String: Int] ?? [:]).isEmpty)
        #expect(summary["feedHead"] as? Int == 0)
    }

    @Test func feedPrintsCloudEventsInOrder() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 200)
        _ = try ingestAll(runner, data: data)
        let result = try runner.run(["feed", "--after", "0", "--limit", "50", "--store", runner.store])
        #expect(result.status == 0)
        let events = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(events.count == 50)
        let sequences = events.compactMap { $0["sequence"] as? Int }
        #expect(sequences == Array(sequences[0]..<(sequences[0] + 50)))
        #expect(events.allSatisfy { $0["specversion"] as? String == "1.0" && ($0["subject"] as? String)?.isEmpty == false })
        let next = try runner.run(["feed", "--after", "\(sequences.last!)", "--limit", "1", "--store", runner.store])
        #expect(next.stdout.contains("\"sequence\":\(sequences.last! + 1)"))
    }

    @Test func feedEventsAndTheirGoldenRecordsMatchTheSchemas() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 150)
        _ = try ingestAll(runner, data: data)
        let feed = try runner.run(["feed", "--after", "0", "--limit", "100000", "--store", runner.store])
        let lines = feed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 150)
        #expect(try validate(lines, schema: "feed-event.schema.json").status == 0)
        let goldens = lines.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                object["type"] as? String != "entity.retired", let payload = object["data"],
                let data = try? JSONSerialization.data(withJSONObject: payload)
            else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        let result = try validate(goldens, schema: "golden-record.schema.json")
        #expect(result.status == 0, "\(result.output)")
    }

    func validate(_ lines: [String], schema: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(CLIRunner.packageRoot)/scripts/validate_json.py", schema]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(lines.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func demoReconcilesPersonsAcrossRegistries() throws {
        let runner = try CLIRunner()
        let result = try runner.run([
            "demo", "--persons", "500", "--seed", "3", "--out", "\(runner.directory)/demo", "--store", runner.store, "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let summary = report["summary"] as? [String: Any] ?? [:]
        let quality = summary["quality"] as? [String: Any] ?? [:]
        let correct = quality["correctPairs"] as? Int ?? 0, predicted = quality["predictedPairs"] as? Int ?? 0
        #expect(predicted > 0)
        // Exact linking on valid 12-digit numbers is nearly always right (the generator puts typos in ~1%).
        #expect(Double(correct) / Double(max(predicted, 1)) > 0.95)
        let spread = summary["personsBySourceCount"] as? [String: Int] ?? [:]
        #expect((spread["2"] ?? 0) > 0, "some persons should be linked across two registries")
    }
}
