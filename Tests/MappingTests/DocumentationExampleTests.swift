import Foundation
import Domain
import Mapping
import Testing

/// The worked example in docs/mapping-language.md must load, pass its examples, and report the typo as documented.
@Suite struct DocumentationExampleTests {
    /// The YAML blocks after "## Worked example", dedented and joined into one mapping file.
    func workedExample() throws -> String {
        let doc = try String(contentsOfFile: "\(packageRoot)/docs/mapping-language.md", encoding: .utf8)
        let section = try #require(doc.range(of: "## Worked example")).upperBound
        var blocks: [String] = []
        var current: [Substring]?
        for line in doc[section...].split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("```yaml") {
                current = []
            } else if trimmed.hasPrefix("```"), let lines = current {
                let indent = lines.first.map { $0.prefix(while: { $0 == " " }).count } ?? 0
                blocks.append(lines.map { String($0.dropFirst(min(indent, $0.prefix(while: { $0 == " " }).count))) }.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        #expect(blocks.count == 3)
        return blocks.joined(separator: "\n") + "\n"
    }

    @Test func workedExampleLoadsAndPasses() throws {
        let path = try writeTemporaryFile(try workedExample(), name: "health_insurance.yaml")
        let mapping = try MappingLoader.load(path: path)
        #expect(mapping.input == InputSpec(format: "csv", encoding: "windows-1258", record: nil, csvDelimiter: ";", csvHeader: true))
        let outcomes = MappingTester.run(mapping, reference: try sharedReference.get())
        #expect(outcomes.count == 2)
        #expect(outcomes.allSatisfy { $0.passed }, "\(outcomes.flatMap(\.failures))")
    }

    @Test func documentedTypoMessageIsExact() throws {
        let text = try workedExample().replacingOccurrences(of: "transform: date_ymd", with: "transform: date_ymdd")
        let path = try writeTemporaryFile(text, name: "health_insurance.yaml")
        let doc = try String(contentsOfFile: "\(packageRoot)/docs/mapping-language.md", encoding: .utf8)
        do {
            _ = try MappingLoader.load(path: path)
            Issue.record("typo accepted")
        } catch let list as DiagnosticList {
            let message = try #require(list.diagnostics.first).description.replacingOccurrences(of: path, with: "health_insurance.yaml")
            #expect(doc.contains("`\(message)`"), "\(message)")
        }
    }
}
