import Foundation
import Testing

/// Identity resolution through the real binary on generated registries with known truth.
@Suite struct ResolutionCLITests {
    /// Pairwise precision and recall of `export clusters` against the generator's truth.csv.
    static func quality(export: String, truthFile: String) throws -> (precision: Double, recall: Double, f1: Double) {
        func table(_ text: String) -> [String: String] {
            var result: [String: String] = [:]
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if fields.count == 3 { result["\(fields[0]),\(fields[1])"] = fields[2] }
            }
            return result
        }
        let truth = table(try String(contentsOfFile: truthFile, encoding: .utf8))
        let predicted = table(export)
        func pairs(_ groups: [String: String]) -> Set<String> {
            var members: [String: [String]] = [:]
            for (mention, group) in groups where truth[mention] != nil && predicted[mention] != nil { members[group, default: []].append(mention) }
            var result: Set<String> = []
            for list in members.values {
                let sorted = list.sorted()
                for i in sorted.indices { for j in sorted.indices where j > i { result.insert(sorted[i] + "|" + sorted[j]) } }
            }
            return result
        }
        let p = pairs(predicted), t = pairs(truth)
        let correct = Double(p.intersection(t).count)
        let precision = correct / Double(max(p.count, 1)), recall = correct / Double(max(t.count, 1))
        return (precision, recall, 2 * precision * recall / max(precision + recall, 1e-12))
    }

    func ingestAll(_ runner: CLIRunner, data: String) throws {
        for (mapping, file) in EndToEndTests.registries {
            let result = try runner.run(["ingest", "--mapping", mapping, "\(data)/\(file)", "--store", runner.store])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test func clustersMatchTheTruthAboveTheFloorBeforeAndAfterTraining() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 1_500, seed: 21)
        try ingestAll(runner, data: data)
        let export = try runner.run(["export", "clusters", "--store", runner.store])
        let before = try Self.quality(export: export.stdout, truthFile: "\(data)/truth.csv")
        #expect(before.f1 >= 0.99, "F1 \(before)")
        #expect(before.precision >= 0.995, "precision \(before)")

        let trained = try runner.run(["resolve", "--train", "--random-pairs", "100000", "--json", "--store", runner.store])
        #expect(trained.status == 0, "\(trained.stderr)")
        let report = try json(trained)
        let training = report["training"] as? [String: Any] ?? [:]
        let version = try #require(training["version"] as? String)
        #expect(version.hasPrefix("em-1-"))
        #expect((report["batch"] as? Bool) == true)
        let blocking = report["blocking"] as? [[String: Any]] ?? []
        #expect(blocking.map { $0["rule"] as? String ?? "" }.first == "personal_number")
        #expect((blocking.first?["pairs"] as? Int ?? 0) > 0)

        let shown = try json(try runner.run(["model", "show", "--json", "--store", runner.store]))
        #expect(shown["version"] as? String == version)
        #expect(shown["active"] as? Bool == true)
        let levelCount = (shown["levels"] as? [Any])?.count ?? 0
        // name 8, birth date 7, identifiers 6, sex 2, address 3, document numbers 3, street 5, postal code 3
        #expect(levelCount == 37)
        #expect(shown["defaultBlockingRules"] as? Bool == true)  // trained without --blocking: it follows the defaults
        let listed = try runner.run(["model", "list", "--store", runner.store])
        #expect(listed.stdout.contains("* \(version)"))

        let after = try Self.quality(
            export: try runner.run(["export", "clusters", "--store", runner.store]).stdout, truthFile: "\(data)/truth.csv")
        #expect(after.f1 >= 0.99, "F1 after training \(after)")
    }

    @Test func explainShowsAWaterfallWhoseWeightsSumToTheTotal() throws {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 300, seed: 4)
        try ingestAll(runner, data: data)
        // Two mentions of one person from two registries, as truth.csv names them.
        let truth = try String(contentsOfFile: "\(data)/truth.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map(String.init) }
        let byPerson = Dictionary(grouping: truth, by: { $0[2] })
        let pair = try #require(byPerson.values.first { rows in Set(rows.map { $0[0] }).count >= 2 })
        let a = "\(pair[0][0]):\(pair[0][1])", b = "\(pair[1][0]):\(pair[1][1])"
        let result = try runner.run(["explain", a, b, "--json", "--store", runner.store])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result)
        let explanation = report["explanation"] as? [String: Any] ?? [:]
        let lines = explanation["lines"] as? [[String: Any]] ?? []
        #expect(lines.count >= 5)
        let weights: [Double] = lines.compactMap { $0["weight"] as? Double }
        let prior: Double = explanation["priorWeight"] as? Double ?? .nan
        let total: Double = explanation["totalWeight"] as? Double ?? .nan
        #expect(weights.count == lines.count)
        #expect(abs(prior + weights.reduce(0, +) - total) < 1e-9)
        #expect(["auto-link", "review", "reject"].contains(report["band"] as? String ?? ""))

        let text = try runner.run(["explain", a, b, "--store", runner.store])
        #expect(text.stdout.contains("prior") && text.stdout.contains("match probability"))
        let unknown = try runner.run(["explain", a, "population:NO-SUCH-KEY", "--store", runner.store])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("population:NO-SUCH-KEY"))
    }
}
