import Domain
import Foundation
import Matching
import Resolution
import Storage

enum ExplainCommand {
    static let command = Command(
        name: "explain", summary: "why two person mentions match or not: every comparison's weight, as a waterfall",
        usage: "SOURCE:KEY SOURCE:KEY [--json]",
        options: ResolverOptions.specs,
        examples: ["lienthong explain population:001085012345 land:LA-000123", "lienthong explain population:7 commune_legacy:H12-3 --json"],
        details: """
            A mention is named by its source and the record key its mapping gives it. Prints the prior, each
            comparison's level, m, u and weight (log2 m/u) with the running total, the term-frequency adjustment
            when names agree exactly, the total and the match probability, the band it falls in, and the entity
            each mention belongs to now. The weights sum to the total. Uses the store's active match model.
            """,
        run: run)

    struct Report: Encodable {
        var first: String
        var second: String
        var explanation: MatchExplanation
        var band: String
        var entities: [String?]
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.count == 2 else {
            throw UsageError(message: "expected two mentions SOURCE:KEY SOURCE:KEY", verb: "explain")
        }
        let keys = try arguments.positionals.map(mentionKey)
        let settings = try context.resolverSettings()
        let report: Report = try context.store().read { reader in
            var features: [PersonFeatures] = []
            var entities: [String?] = []
            for key in keys {
                guard let stored = try reader.mention(key: key) else {
                    throw UsageError(message: "no person mention \(key) in the store", verb: "explain")
                }
                guard case .person(let person) = stored.mention.body else {
                    throw UsageError(message: "\(key) is not a person mention", verb: "explain")
                }
                features.append(PersonFeatures(person))
                entities.append(try reader.entityID(ofMention: stored.id))
            }
            let model = try MatchModels.active(in: reader)
            let explanation = MatchExplanation(model.score(features[0], features[1]), modelVersion: model.version)
            let band =
                explanation.probability >= settings.autoLinkProbability
                ? "auto-link" : explanation.probability >= settings.reviewProbability ? "review" : "reject"
            return Report(first: keys[0].description, second: keys[1].description, explanation: explanation, band: band, entities: entities)
        }
        if context.wantsJSON {
            try context.console.json(report)
        } else {
            print(report, settings: settings, to: context.console)
        }
        return ExitCode.ok
    }

    /// `SOURCE:KEY` → a person mention key (the key may itself contain colons).
    static func mentionKey(_ text: String) throws -> MentionKey {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else {
            throw UsageError(message: "'\(text)' is not SOURCE:KEY", verb: "explain")
        }
        return MentionKey(source: String(text[..<colon]), kind: .person, recordKey: String(text[text.index(after: colon)...]))
    }

    static func print(_ report: Report, settings: ResolverSettings, to console: Console) {
        let e = report.explanation
        console.out("\(report.first)  ↔  \(report.second)   (model \(e.modelVersion))")
        console.out("")
        let labelWidth = max(24, (e.lines.map { $0.comparison.count }.max() ?? 0))
        let levelWidth = min(56, e.lines.map(\.label.count).max() ?? 0)
        func row(_ name: String, _ label: String, _ weight: Double, _ running: Double) -> String {
            let bar = String(repeating: weight >= 0 ? "+" : "-", count: min(20, Int((abs(weight)).rounded())))
            return "  " + pad(name, labelWidth) + "  " + pad(String(label.prefix(levelWidth)), levelWidth) + "  "
                + String(format: "%+8.2f", weight) + "  " + String(format: "%8.2f", running) + "  " + bar
        }
        console.out("  " + pad("comparison", labelWidth) + "  " + pad("level", levelWidth) + "    weight     total")
        var running = e.priorWeight
        console.out(row("prior", "λ: odds of a match before comparing", e.priorWeight, running))
        for line in e.lines {
            running += line.weight
            console.out(row(line.comparison, line.label, line.weight, running))
        }
        console.out("")
        console.out(String(format: "  total weight %.2f → match probability %.6f: ", e.totalWeight, e.probability) + report.band)
        console.out(
            String(format: "  (auto-link at ≥ %.2f, review at ≥ %.2f)", settings.autoLinkProbability, settings.reviewProbability))
        let entities = report.entities.map { $0 ?? "none" }
        let together = report.entities[0] != nil && report.entities[0] == report.entities[1]
        console.out("  entities now: \(entities[0]) and \(entities[1])" + (together ? " (the same entity)" : ""))
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
