import Domain
import Foundation
import Mapping
import Reference

/// Writes `text` to a new file in a fresh temporary directory and returns its path.
func writeTemporaryFile(_ text: String, name: String = "mapping.yaml") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mapping-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A shipped mapping file's path.
func shippedMapping(_ name: String) -> String { "\(packageRoot)/Mappings/\(name).yaml" }

/// The shipped reference tables, loaded once.
let sharedReference: Result<ReferenceData, any Error> = Result { try ReferenceData.load(directory: "\(packageRoot)/Mappings/reference") }

/// Loads mapping text and returns the diagnostics it throws (empty when it loads).
func diagnostics(of text: String) throws -> [Diagnostic] {
    let path = try writeTemporaryFile(text)
    do {
        _ = try MappingLoader.load(path: path)
        return []
    } catch let list as DiagnosticList {
        return list.diagnostics
    }
}

/// A raw record whose fields are all text.
func record(_ fields: KeyValuePairs<String, String>, file: String = "input.csv", line: Int = 2) -> RawRecord {
    RawRecord(
        location: SourceLocation(file: file, line: line), fields: .object(fields.map { (key: $0.key, value: RawNode.text($0.value)) }),
        rawText: "")
}

/// A minimal valid mapping, with `extra` appended to its outputs' person fields.
func minimalMapping(personFields: String = "", tail: String = "") -> String {
    """
    mapping: t
    source: test
    registry: population
    input: {format: csv}
    key: id
    outputs:
      - id: p
        kind: person
        fields:
          name: ho_ten
    \(personFields)
    \(tail)
    """
}
