import Foundation
import Reference
import Synthesis

/// Generates registries into a fresh temporary directory and reads them back for assertions.
struct GeneratedFiles {
    let directory: String
    let summary: GenerationSummary

    static let reference: ReferenceData = {
        do {
            return try ReferenceData.loadDefault()
        } catch {
            preconditionFailure("reference data must load in tests: \(error)")
        }
    }()

    init(persons: Int, seed: UInt64) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("synthesis-\(UUID().uuidString)").path
        summary = try RegistryGenerator(persons: persons, seed: seed, reference: Self.reference).write(to: directory)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)) }

    func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }

    /// Data rows of a UTF-8 CSV file (header dropped), split per RFC 4180.
    func csvRows(_ name: String) throws -> [[String]] {
        Array(CSVSplitter.records(try text(name)).dropFirst())
    }
}

/// A minimal RFC 4180 reader for checking the generated CSV files.
enum CSVSplitter {
    static func records(_ text: String, separator: Character = ",") -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case separator:
                fields.append(field)
                field = ""
            case "\n", "\r\n":
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(fields)
        }
        return records
    }
}

/// One `<cong_dan>` read back from population.xml (the generator writes one element per line).
struct PopulationEntry {
    var key = ""
    var name = ""
    var birth = ""
    var sex = ""
    var number = ""

    static func parse(_ xml: String) -> [PopulationEntry] {
        var entries: [PopulationEntry] = []
        var current = PopulationEntry()
        for line in xml.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<cong_dan ma=\"") {
                current = PopulationEntry()
                current.key = String(trimmed.dropFirst(14).prefix { $0 != "\"" })
            } else if let value = element("ho_ten", trimmed) {
                current.name = value
            } else if let value = element("ngay_sinh", trimmed) {
                current.birth = value
            } else if let value = element("gioi_tinh", trimmed) {
                current.sex = value
            } else if let value = element("so_dinh_danh", trimmed) {
                current.number = value
            } else if trimmed == "</cong_dan>" {
                entries.append(current)
            }
        }
        return entries
    }

    private static func element(_ name: String, _ line: String) -> String? {
        let open = "<\(name)>"
        let close = "</\(name)>"
        guard line.hasPrefix(open), line.hasSuffix(close) else { return nil }
        return String(line.dropFirst(open.count).dropLast(close.count))
    }
}
