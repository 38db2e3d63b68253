import Domain
import Foundation

/// A small CSV file read whole: UTF-8, comma-separated, a header row, RFC 4180 quotes, LF or CRLF.
/// Enough for the reference tables; not a general CSV reader.
struct CSVTable {
    /// One data row with its 1-based line number in the file.
    struct Row {
        let line: Int
        let fields: [String]
    }

    let path: String
    let header: [String]
    let rows: [Row]

    /// Reads `path` and checks that the header starts with `expectedColumns` and every row has as many fields.
    init(path: String, expectedColumns: [String]) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(location: SourceLocation(file: path), rule: "reference.unreadable", message: "cannot read file")
        }
        var parsed: [Row] = []
        var parser = CSVByteParser(bytes: [UInt8](data))
        while let (line, fields) = try parser.nextRecord(path: path) {
            parsed.append(Row(line: line, fields: fields))
        }
        guard let first = parsed.first else {
            throw Diagnostic(location: SourceLocation(file: path, line: 1), rule: "reference.empty", message: "no header row")
        }
        guard Array(first.fields.prefix(expectedColumns.count)) == expectedColumns else {
            throw Diagnostic(
                location: SourceLocation(file: path, line: 1), rule: "reference.header",
                message: "expected columns \(expectedColumns.joined(separator: ",")), found \(first.fields.joined(separator: ","))")
        }
        header = first.fields
        rows = Array(parsed.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw Diagnostic(
                location: SourceLocation(file: path, line: row.line), rule: "reference.field_count",
                message: "expected \(header.count) fields, found \(row.fields.count)")
        }
    }

    /// An error located at `row`.
    func error(_ row: Row, _ message: String) -> Diagnostic {
        Diagnostic(location: SourceLocation(file: path, line: row.line), rule: "reference.bad_row", message: message)
    }

    /// Field `index` of `row`, checked to be `length` ASCII digits.
    func code(_ row: Row, _ index: Int, length: Int) throws -> String {
        let value = row.fields[index]
        guard value.utf8.count == length, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw error(row, "column '\(header[index])' must be \(length) digits, found '\(value)'")
        }
        return value
    }

    /// Field `index` of `row`, checked to be non-empty.
    func text(_ row: Row, _ index: Int) throws -> String {
        let value = row.fields[index]
        guard !value.isEmpty else { throw error(row, "column '\(header[index])' is empty") }
        return value
    }
}

/// Splits CSV bytes into records of fields.
private struct CSVByteParser {
    let bytes: [UInt8]
    var index = 0
    var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The next non-empty record and the line it starts on, or nil at the end.
    mutating func nextRecord(path: String) throws -> (Int, [String])? {
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        while true {
            let field: String
            if bytes[index] == 0x22 {
                field = try quotedField(path: path, startLine: startLine)
            } else {
                let start = index
                while index < bytes.count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                field = try Self.string(bytes[start..<index], path: path, line: startLine)
            }
            fields.append(field)
            guard index < bytes.count else { return (startLine, fields) }
            switch bytes[index] {
            case 0x2C:
                index += 1
                if index == bytes.count {
                    fields.append("")
                    return (startLine, fields)
                }
            case 0x0D, 0x0A:
                if bytes[index] == 0x0D { index += 1 }
                if index < bytes.count, bytes[index] == 0x0A {
                    index += 1
                    line += 1
                }
                return (startLine, fields)
            default:
                throw Diagnostic(
                    location: SourceLocation(file: path, line: line), rule: "reference.quote",
                    message: "unexpected text after a closing quote")
            }
        }
    }

    /// Reads a `"…"` field starting at `index`, with `""` as an escaped quote; leaves `index` after the closing quote.
    private mutating func quotedField(path: String, startLine: Int) throws -> String {
        index += 1
        var field: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x22 {
                guard index < bytes.count, bytes[index] == 0x22 else {
                    return try Self.string(field[...], path: path, line: startLine)
                }
                index += 1
            } else if byte == 0x0A {
                line += 1
            }
            field.append(byte)
        }
        throw Diagnostic(
            location: SourceLocation(file: path, line: startLine), rule: "reference.unterminated_quote",
            message: "quoted field runs to the end of the file")
    }

    private static func string(_ bytes: ArraySlice<UInt8>, path: String, line: Int) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(location: SourceLocation(file: path, line: line), rule: "reference.encoding", message: "not UTF-8")
        }
        return text
    }
}
