import Foundation
import Testing

/// The steward workflow through the real binary against a real store built from generated registries.
@Suite struct StewardCLITests {
    func json(_ result: CLIRunner.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func prepared() throws -> CLIRunner {
        let runner = try CLIRunner()
        let data = try runner.generate(persons: 1_500, seed: 21)
        for (mapping, file) in EndToEndTests.registries {
            let result = try runner.run(["ingest", "--mapping", mapping, "\(data)/\(file)", "--store", runner.store])
            #expect(result.status == 0, "\(result.stderr)")
        }
        return runner
    }

    func entity(of mention: String, _ runner: CLIRunner) throws -> String? {
        let export = try runner.run(["export", "clusters", "--store", runner.store]).stdout
        return export.split(separator: "\n").first { $0.hasPrefix(mention.replacingOccurrences(of: ":", with: ",") + ",") }
            .flatMap { $0.split(separator: ",").last.map(String.init) }
    }

    @Test func decideHoldsAcrossResolveAndTheAuditTrailIsComplete() throws {
        let runner = try prepared()
        let queue = try json(try runner.run(["conflicts", "list", "--json", "--store", runner.store])) as? [[String: Any]] ?? []
        let item = try #require(queue.first { $0["type"] as? String != "value" }, "the generated registries should leave a pair to review")
        let id = try #require(item["id"] as? Int)
        let first = try #require(item["first"] as? String), second = try #require(item["second"] as? String)
        let shown = try runner.run(["conflicts", "show", "\(id)", "--store", runner.store])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains(first) && shown.stdout.contains(second) && shown.stdout.contains("entity now"))
        #expect(!shown.stdout.contains("\u{1B}["), "no colour when piped")

        let noActor = try runner.run(["conflicts", "decide", "\(id)", "--no-link", "--store", runner.store])
        #expect(noActor.status == 2)
        let dry = try runner.run(["conflicts", "decide", "\(id)", "--link", "--as", "lan", "--dry-run", "--store", runner.store])
        #expect(dry.status == 0 && dry.stdout.contains("dry run"))
        let afterDryRun = try json(try runner.run(["audit", "decisions", "--json", "--store", runner.store])) as? [Any]
        #expect(afterDryRun?.isEmpty == true, "a dry run records nothing")

        let decided = try runner.run(["conflicts", "decide", "\(id)", "--link", "--as", "lan", "--reason", "same person", "--store", runner.store])
        #expect(decided.status == 0, "\(decided.stderr)")
        #expect(try entity(of: first, runner) == entity(of: second, runner))
        let rerun = try runner.run(["resolve", "--all", "--store", runner.store])
        #expect(rerun.status == 0)
        #expect(try entity(of: first, runner) == entity(of: second, runner))
        let again = try runner.run(["conflicts", "decide", "\(id)", "--no-link", "--as", "lan", "--store", runner.store])
        #expect(again.status == 1 && again.stderr.contains("already decided"))

        let audit = try json(try runner.run(["audit", "decisions", "--json", "--store", runner.store])) as? [[String: Any]] ?? []
        #expect(audit.count == 1)
        #expect(audit.first?["actor"] as? String == "lan" && audit.first?["reason"] as? String == "same person")
        #expect((audit.first?["entitiesBefore"] as? [String])?.count == 2 && (audit.first?["entitiesAfter"] as? [String])?.count == 2)
    }

    @Test func splitMintsANewIDAndMergeRedirects() throws {
        let runner = try prepared()
        // A person present in two registries: the population record and another.
        let export = try runner.run(["export", "clusters", "--store", runner.store]).stdout.split(separator: "\n").dropFirst()
        let byEntity = Dictionary(grouping: export.map { $0.split(separator: ",").map(String.init) }, by: { $0[2] })
        let (original, rows) = try #require(byEntity.first { $0.value.count == 2 })
        let moved = "\(rows[1][0]):\(rows[1][1])", kept = "\(rows[0][0]):\(rows[0][1])"
        let split = try runner.run(["entity", "split", original, moved, "--as", "minh", "--json", "--store", runner.store])
        #expect(split.status == 0, "\(split.stderr)")
        let events = (try json(split) as? [String: Any])?["events"] as? [[String: Any]] ?? []
        #expect(events.contains { $0["type"] as? String == "entity.split" && $0["subject"] as? String == original })
        #expect(events.contains { $0["type"] as? String == "entity.created" })
        let newEntity = try #require(try entity(of: moved, runner))
        #expect(newEntity != original)
        #expect(try entity(of: kept, runner) == original)
        let empty = try runner.run(["entity", "unlink", newEntity, moved, "--as", "minh", "--store", runner.store])
        #expect(empty.status == 1 && empty.stderr.contains("empty"))

        let merge = try runner.run(["entity", "merge", original, newEntity, "--as", "minh", "--force", "--store", runner.store])
        #expect(merge.status == 0, "\(merge.stderr)")
        let survivor = try #require(try entity(of: kept, runner))
        #expect(try entity(of: moved, runner) == survivor)
        let retired = survivor == original ? newEntity : original
        let shown = try json(try runner.run(["entity", "show", retired, "--json", "--store", runner.store])) as? [String: Any] ?? [:]
        #expect(shown["id"] as? String == survivor)
        let history = try json(try runner.run(["entity", "history", survivor, "--json", "--store", runner.store])) as? [String: Any] ?? [:]
        #expect(((history["lineage"] as? [Any])?.count ?? 0) >= 1)
        #expect(((history["decisions"] as? [Any])?.count ?? 0) == 2)
        let historyEvents = (history["events"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
        #expect(historyEvents.first == "entity.created" && historyEvents.contains("entity.updated"), "\(historyEvents)")
    }
}
