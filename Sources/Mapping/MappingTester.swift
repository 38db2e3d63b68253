import Domain
import Reference

/// The result of running one example of a mapping file.
public struct ExampleOutcome: Sendable {
    /// Position of the example in the file's `examples` list (0-based).
    public var index: Int
    /// Where the example is written.
    public var location: SourceLocation
    public var passed: Bool
    /// One line per mismatch: what was expected and what the mapping produced.
    public var failures: [String]
}

/// Runs the `examples` of a mapping through `MappingEvaluator` and compares the outcome.
public enum MappingTester {
    /// Every example's outcome, in file order.
    public static func run(_ mapping: Mapping, reference: ReferenceData) -> [ExampleOutcome] {
        let evaluator = MappingEvaluator(mapping: mapping, reference: reference)
        return mapping.examples.map { example in
            let record = RawRecord(location: example.location, fields: example.record, rawText: "")
            let failures = check(example, against: evaluator.evaluate(record), mapping: mapping)
            return ExampleOutcome(index: example.index, location: example.location, passed: failures.isEmpty, failures: failures)
        }
    }

    static func check(_ example: MappingExample, against result: MappingResult, mapping: Mapping) -> [String] {
        switch result {
        case .quarantined(let reasons):
            guard let expectedRules = example.quarantined else {
                return ["expected mentions, but the record was quarantined: " + reasons.map(\.description).joined(separator: "; ")]
            }
            let rules = Set(reasons.map(\.rule))
            return expectedRules.filter { !rules.contains($0) }.map {
                "expected quarantine rule '\($0)', got: \(rules.sorted().joined(separator: ", "))"
            }
        case .mapped(let mentions, let links):
            if example.quarantined != nil {
                return ["expected the record to be quarantined, but it was mapped to \(mentions.count) mention(s)"]
            }
            var failures: [String] = []
            for output in mapping.outputs {
                guard let expectations = example.expected[output.id] else { continue }
                let kindMentions = mentions.filter { $0.key.kind == output.kind }
                let index = mapping.outputs.filter { $0.kind == output.kind }.firstIndex(where: { $0.id == output.id })
                guard let index, let mention = producedMention(for: output, mapping: mapping, mentions: kindMentions, index: index) else {
                    failures.append("output '\(output.id)' produced no mention")
                    continue
                }
                let rendered = MentionRendering.render(mention)
                for expectation in expectations where rendered[expectation.field] != expectation.value {
                    let actual = rendered[expectation.field].map { "'\($0)'" } ?? "nothing"
                    failures.append("\(expectation.location): \(output.id).\(expectation.field): expected '\(expectation.value)', got \(actual)")
                }
            }
            if let expectedLinks = example.links {
                let actual = links.map(\.type.rawValue).sorted()
                if actual != expectedLinks.map(\.rawValue).sorted() {
                    failures.append("links: expected [\(expectedLinks.map(\.rawValue).joined(separator: ", "))], got [\(actual.joined(separator: ", "))]")
                }
            }
            let rules = Set(mentions.flatMap { $0.findings.map(\.rule) })
            for rule in example.findings where !rules.contains(rule) {
                failures.append("expected finding '\(rule)', got: \(rules.sorted().joined(separator: ", "))")
            }
            return failures
        }
    }

    /// The mention an output produced. Mentions come in output order, skipping outputs whose condition failed,
    /// so the n-th output of a kind is matched by key when keys differ, else by position.
    private static func producedMention(for output: OutputSpec, mapping: Mapping, mentions: [Mention], index: Int) -> Mention? {
        let sameKind = mapping.outputs.filter { $0.kind == output.kind }
        if sameKind.count == 1 { return mentions.first }
        return mentions.count == sameKind.count ? mentions[index] : nil
    }
}
