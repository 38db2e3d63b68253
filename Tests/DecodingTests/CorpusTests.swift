import Domain
import Foundation
import Testing
@testable import Decoding

/// One bad-input (or edge) case from `Corpus/`: `name.<format>` plus `name.expected`.
///
/// `.expected` lines: `option encoding=utf-8` / `option record=/data` / `option header=false` /
/// `option maxRecordBytes=1000`, then either `diagnostic <rule> <line>:<column>` (column may be left empty for
/// libxml2 errors, whose column is checked to be ≥ 1) or `records <n>` + `errors <m> [rule]`.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    let input: URL
    let expected: [String]
    var testDescription: String { input.lastPathComponent }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func all() -> [CorpusCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { !$0.hasSuffix(".expected") }.sorted().compactMap { file in
            let input = directory.appendingPathComponent(file)
            let expectedURL = input.deletingPathExtension().appendingPathExtension("expected")
            guard let text = try? String(contentsOf: expectedURL, encoding: .utf8) else { return nil }
            return CorpusCase(input: input, expected: text.split(separator: "\n").map(String.init))
        }
    }

    var options: DecodeOptions {
        var options = DecodeOptions(format: InputFormat(rawValue: input.pathExtension) ?? .csv)
        for line in expected where line.hasPrefix("option ") {
            let pair = line.dropFirst(7).split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "encoding": options.encoding = .init(rawValue: pair[1])
            case "record": options.recordPath = pair[1]
            case "header": options.csvHeader = pair[1] == "true"
            case "maxRecordBytes": options.maxRecordBytes = Int(pair[1]) ?? options.maxRecordBytes
            default: break
            }
        }
        return options
    }

    func value(_ key: String) -> [String]? {
        expected.first { $0.hasPrefix(key + " ") }.map { $0.split(separator: " ").dropFirst().map(String.init) }
    }
}

@Suite struct CorpusTests {
    @Test func corpusHasAtLeastSixtyCases() {
        #expect(CorpusCase.all().count >= 60)
    }

    @Test(arguments: CorpusCase.all())
    func corpusCase(_ item: CorpusCase) throws {
        var emitted = 0
        var errors: [RecordError] = []
        do {
            let summary = try RecordDecoder.decodeFile(
                path: item.input.path, options: item.options,
                onRecord: { _ in emitted += 1 }, onRecordError: { errors.append($0) })
            #expect(item.value("diagnostic") == nil, "expected a file-level diagnostic, got \(summary)")
            #expect(summary.records == emitted + errors.count, "records read = records emitted + record errors")
            #expect(summary.recordErrors == errors.count)
            if let records = item.value("records") { #expect(summary.records == Int(records[0])) }
            if let expectedErrors = item.value("errors") {
                #expect(errors.count == Int(expectedErrors[0]))
                if expectedErrors.count > 1 {
                    for error in errors {
                        #expect(error.reasons.map(\.rule).contains(expectedErrors[1]), "\(error.reasons)")
                        #expect(error.location.line != nil && !error.rawText.isEmpty)
                    }
                }
            }
        } catch let diagnostic as Diagnostic {
            let expected = try #require(item.value("diagnostic"), "unexpected diagnostic \(diagnostic)")
            #expect(diagnostic.rule == expected[0], "\(diagnostic)")
            #expect(diagnostic.location.file == item.input.path)
            let position = expected[1].split(separator: ":", omittingEmptySubsequences: false)
            let line = try #require(diagnostic.location.line, "a file-level failure names a line")
            let column = try #require(diagnostic.location.column, "a file-level failure names a column")
            #expect(line == Int(position[0]), "\(diagnostic)")
            if let wanted = Int(position[1]) { #expect(column == wanted, "\(diagnostic)") } else { #expect(column >= 1) }
            #expect(emitted + errors.count <= 2, "records before the failure are few and the caller discards them")
        }
    }
}
