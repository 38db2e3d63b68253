import Foundation

/// Writes `truth.csv` (`source,source_record_key,person_uid`) in file order: population first, then land,
/// enterprise and commune rows. Each source streams to its own part file; `finish` concatenates them.
struct TruthTable {
    static let fileName = "truth.csv"
    private let directory: String
    private let parts: [BufferedFileWriter]
    private(set) var count = 0

    /// Part indices, in output order.
    enum Part: Int, CaseIterable {
        case population, land, enterprise, communeLegacy
    }

    init(directory: String) throws {
        self.directory = directory
        parts = try Part.allCases.map { try BufferedFileWriter(path: directory + "/.truth-part-\($0.rawValue).tmp") }
        try parts[0].write("source,source_record_key,person_uid\n")
    }

    static func uid(_ person: SyntheticPerson) -> String { "U" + TextFormatting.padded(person.index, width: 7) }

    mutating func add(_ part: Part, source: String, key: String, person: SyntheticPerson) throws {
        try parts[part.rawValue].write(source + "," + TextFormatting.csv(key) + "," + Self.uid(person) + "\n")
        count += 1
    }

    /// Joins the parts into `truth.csv` and removes them.
    func finish() throws {
        for part in parts { try part.close() }
        let output = try BufferedFileWriter(path: directory + "/" + Self.fileName)
        for part in parts {
            guard let input = InputStream(fileAtPath: part.path) else { continue }
            input.open()
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let read = input.read(&chunk, maxLength: chunk.count)
                if read <= 0 { break }
                try output.write(bytes: Array(chunk[0..<read]))
            }
            input.close()
            try FileManager.default.removeItem(atPath: part.path)
        }
        try output.close()
    }
}
