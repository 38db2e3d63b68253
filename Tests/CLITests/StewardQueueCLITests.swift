import Foundation
import Testing

/// The review walk, value conflicts, blind labelling, label export, queue age and the data-quality report,
/// through the real binary against a store built from generated registries.
@Suite struct StewardQueueCLITests {
    let steward = StewardCLITests()

    func queue(_ runner: CLIRunner, _ extra: [String] = []) throws -> [[String: Any]] {
        try steward.json(try runner.run(["conflicts", "list", "--json", "--store", runner.store] + extra)) as? [[String: Any]] ?? []
    }

    @Test func reviewWalksAScriptedQueueWithoutPromptingAndDecisionsStick() throws {
        let runner = try steward.prepared()
        let values = try queue(runner, ["--type", "value"])
        try #require(values.count >= 3, "generated noise should leave value conflicts (two spellings of one person)")
        // Not a TTY: no prompt, one answer per line; an unknown answer is reported and the next line read.
        let walked = try runner.run(
            ["review", "--type", "value", "--blind", "--as", "lan", "--store", runner.store], input: "x\ny\nu\nq\ny\n")
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(!walked.stdout.contains("[y]es"), "no prompt when stdin is not a terminal")
        #expect(walked.stderr.contains("answer y, n, u, e or q"))
        #expect(walked.stdout.contains("reviewed: 1 decided, 1 skipped"), "\(walked.stdout)")
        #expect(!walked.stdout.contains("match probability"), "blind hides scores")
        let after = try queue(runner, ["--type", "value"])
        #expect(after.count == values.count - 1)
        #expect(!after.contains { $0["id"] as? Int == values[0]["id"] as? Int }, "the first item was decided")
        #expect(after.contains { $0["id"] as? Int == values[1]["id"] as? Int }, "the second was skipped, still open")

        let audit = try steward.json(try runner.run(["audit", "decisions", "--json", "--store", runner.store])) as? [[String: Any]] ?? []
        #expect(audit.count == 1 && audit.first?["action"] as? String == "choose" && audit.first?["actor"] as? String == "lan")
        // The choice holds through a full re-resolution: the item is not raised again.
        #expect(try runner.run(["resolve", "--all", "--store", runner.store]).status == 0)
        #expect(try queue(runner, ["--type", "value"]).count == values.count - 1)

        // A value item is settled by choosing a value, not by link/no-link.
        let id = try #require(values[1]["id"] as? Int)
        let wrong = try runner.run(["conflicts", "decide", "\(id)", "--link", "--as", "lan", "--store", runner.store])
        #expect(wrong.status == 1 && wrong.stderr.contains("--choose"), "\(wrong.stderr)")
        let other = try #require(values[1]["second"] as? String)
        let chosen = try runner.run(["conflicts", "decide", "\(id)", "--choose", "\(other):name", "--as", "lan", "--store", runner.store])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let twice = try runner.run(["conflicts", "decide", "\(id)", "--choose", "\(other):name", "--as", "lan", "--store", runner.store])
        #expect(twice.status == 1 && twice.stderr.contains("already decided"))
    }

    @Test func reviewLinkAnswerAndLabelExport() throws {
        let runner = try steward.prepared()
        let pairs = try queue(runner).filter { $0["type"] as? String != "value" }
        let item = try #require(pairs.first)
        let first = try #require(item["first"] as? String), second = try #require(item["second"] as? String)
        let walked = try runner.run(["review", "--type", item["type"] as? String ?? "", "--as", "lan", "--store", runner.store], input: "n\n")
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stdout.contains("match probability"), "not blind: the score is shown")
        #expect(try steward.entity(of: first, runner) != steward.entity(of: second, runner))

        let csv = try runner.run(["export", "labels", "--store", runner.store])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("first,second,label,actor,decided_at,review_item") == true)
        let row = try #require(lines.dropFirst().first { $0.contains(first) && $0.contains(second) })
        #expect(row.contains(",non_match,lan,") && row.contains(",\(item["id"] as? Int ?? -1),"))
        let jsonl = try runner.run(["export", "labels", "--format", "jsonl", "--store", runner.store])
        let label = try #require(jsonl.stdout.split(separator: "\n").first.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(label["label"] as? String == "non_match" && label["probability_now"] is Double)
    }

    @Test func olderThanSelectsByAge() throws {
        let runner = try steward.prepared()
        let all = try queue(runner)
        #expect(!all.isEmpty)
        #expect(try queue(runner, ["--older-than", "1h"]).isEmpty, "everything was raised moments ago")
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try queue(runner, ["--older-than", "1s"]).count == all.count)
        let bad = try runner.run(["conflicts", "list", "--older-than", "soon", "--store", runner.store])
        #expect(bad.status == 2 && bad.stderr.contains("duration"))
    }

    @Test func qualityReportAddsUpAndFilters() throws {
        let runner = try steward.prepared()
        let report = try steward.json(try runner.run(["report", "quality", "--json", "--store", runner.store])) as? [String: Any] ?? [:]
        let totals = try #require(report["totals"] as? [String: Any])
        let communes = try #require(report["communes"] as? [[String: Any]])
        // Every person entity counted once in the totals: the clusters export agrees.
        let clusters = Set(
            try runner.run(["export", "clusters", "--store", runner.store]).stdout.split(separator: "\n").dropFirst()
                .compactMap { $0.split(separator: ",").last })
        #expect(totals["persons"] as? Int == clusters.count)
        // Open review items in the totals match the queue.
        let open = (totals["openReviewItems"] as? [String: Int] ?? [:]).values.reduce(0, +)
        #expect(open == (try queue(runner)).count)
        // A person counts in each commune it is placed in: the communes sum to at least the total.
        let sum = communes.compactMap { ($0["figures"] as? [String: Any])?["persons"] as? Int }.reduce(0, +)
        #expect(sum >= clusters.count)
        #expect((totals["mentionsOnPre2025Addresses"] as? Int ?? 0) > 0, "the land and legacy files use the old map")

        let code = try #require(communes.first { !($0["code"] as? String ?? "").isEmpty }?["code"] as? String)
        let one = try steward.json(try runner.run(["report", "quality", "--commune", code, "--json", "--store", runner.store])) as? [String: Any]
        let selected = (one?["communes"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(selected == [code])
        let text = try runner.run(["report", "quality", "--store", runner.store])
        #expect(text.status == 0 && text.stdout.contains("no-12-digit") && text.stdout.contains("total"))
    }
}
