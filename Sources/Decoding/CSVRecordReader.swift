import Domain
import TextEncodings

/// Streams CSV rows out of an `InputBuffer` as `RawRecord`s.
///
/// The first non-empty row is the header when `csvHeader` is set (records are `.object`s of column → `.text`);
/// otherwise records are `.list`s and the first row fixes the expected field count. Blank lines are skipped.
/// A row with the wrong field count, a stray quote, text after a closing quote or a field with a byte its legacy
/// encoding leaves undefined is a `RecordError`; an unterminated quote, invalid UTF-8/UTF-16, an undecodable header
/// or a duplicate column name fail the file.
final class CSVRecordReader {
    private let buffer: InputBuffer
    private let options: DecodeOptions
    private let delimiter: UInt8
    private let text: FieldText
    private var fields: [CSVFieldSpan] = []
    private var scratch: [UInt8] = []
    private var header: [String]?
    private var expectedCount: Int?
    private(set) var records = 0
    private(set) var recordErrors = 0

    init(buffer: InputBuffer, options: DecodeOptions, delimiter: UInt8, encoding: TextEncoding) {
        self.buffer = buffer
        self.options = options
        self.delimiter = delimiter
        self.text = FieldText(encoding: encoding)
    }

    func run(onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void) throws {
        var pos = 0
        var issue: CSVRowIssue?
        while true {
            if pos >= buffer.count {
                if buffer.isEOF { break }
                try buffer.fill(keepingFrom: pos)
                pos = 0
                continue
            }
            let scan = buffer.storage.withUnsafeBufferPointer { p in
                CSVRowScanner.scan(p, from: pos, end: buffer.count, eof: buffer.isEOF, delimiter: delimiter, fields: &fields, issue: &issue)
            }
            switch scan {
            case .needMore:
                if buffer.count - pos > options.maxRecordBytes {
                    throw buffer.diagnostic(at: pos, rule: "record.too_large", "a CSV row is larger than \(options.maxRecordBytes) bytes")
                }
                try buffer.fill(keepingFrom: pos)
                pos = 0
            case .unterminatedQuote(let quote):
                throw buffer.diagnostic(at: quote, rule: "csv.unterminated_quote", "quoted field is not closed before the end of the file")
            case .row(let next):
                if next - pos > options.maxRecordBytes {
                    throw buffer.diagnostic(at: pos, rule: "record.too_large", "a CSV row is larger than \(options.maxRecordBytes) bytes")
                }
                try handleRow(start: pos, next: next, issue: issue, onRecord: onRecord, onRecordError: onRecordError)
                pos = next
            }
        }
    }

    private func handleRow(
        start: Int, next: Int, issue: CSVRowIssue?,
        onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void
    ) throws {
        if fields.count == 1, fields[0].start == start, fields[0].end == start { return }  // blank line
        var values: [String] = []
        values.reserveCapacity(fields.count)
        // A field whose bytes the legacy encoding does not define spoils its record only (the rest of the file is
        // read as declared). Invalid UTF-8 or UTF-16, or a header that cannot be read, fails the file: the declared
        // encoding is wrong for all of it.
        let recordLevel = text.encoding != .utf8 && text.encoding != .utf16 && !(options.csvHeader && header == nil)
        var undecodable: [Finding] = []
        for (column, field) in fields.enumerated() {
            do {
                values.append(try decode(field))
            } catch where recordLevel {
                values.append("")
                let at = buffer.location(of: error.offset)
                undecodable.append(Finding(
                    rule: error.rule, severity: .error,
                    message: "column \(column + 1) at \(at.line ?? 0):\(at.column ?? 0): \(error.reason) (file read as \(text.encoding.rawValue))"))
            } catch {
                throw buffer.diagnostic(at: error.offset, rule: error.rule, "\(error.reason) (file read as \(text.encoding.rawValue))")
            }
        }
        var contentEnd = next
        while contentEnd > start, buffer.storage[contentEnd - 1] == CSVRowScanner.lf || buffer.storage[contentEnd - 1] == CSVRowScanner.cr {
            contentEnd -= 1
        }
        if options.csvHeader && header == nil {
            header = try makeHeader(values, at: start)
            expectedCount = values.count
            return
        }
        let expected = expectedCount ?? values.count
        expectedCount = expected
        let location = buffer.location(of: start, pointer: "/\(records)")
        let raw = buffer.rawText(start..<contentEnd, encoding: text.encoding)
        records += 1
        var reasons = undecodable
        if values.count != expected {
            reasons.append(Finding(rule: "csv.ragged_row", severity: .error, message: "expected \(expected) fields, found \(values.count)"))
        }
        if let issue { reasons.append(Finding(rule: issue.rule, severity: .error, message: issue.message)) }
        if !reasons.isEmpty {
            recordErrors += 1
            try onRecordError(RecordError(location: location, rawText: raw, reasons: reasons))
            return
        }
        let node: RawNode
        if let header {
            var pairs: [(key: String, value: RawNode)] = []
            pairs.reserveCapacity(values.count)
            for (k, value) in values.enumerated() { pairs.append((key: header[k], value: .text(value))) }
            node = .object(pairs)
        } else {
            node = .list(values.map { .text($0) })
        }
        try onRecord(RawRecord(location: location, fields: node, rawText: raw))
    }

    /// A field the encoding cannot decode: where (an offset in the buffer), why, and its rule.
    private struct UndecodableField: Error {
        var offset: Int
        var reason: String
        var rule: String
    }

    private func decode(_ field: CSVFieldSpan) throws(UndecodableField) -> String {
        do {
            if !field.hasEscapedQuote {
                return try buffer.storage.withUnsafeBufferPointer { p in
                    try text.string(UnsafeBufferPointer(rebasing: p[field.start..<field.end]), highBits: field.highBits)
                }
            }
            scratch.removeAll(keepingCapacity: true)
            var k = field.start
            while k < field.end {
                let b = buffer.storage[k]
                scratch.append(b)
                k += b == CSVRowScanner.quote ? 2 : 1
            }
            return try scratch.withUnsafeBufferPointer { try text.string($0, highBits: field.highBits) }
        } catch let error as TextDecodingError {
            // With collapsed quotes the offset is approximate (never beyond the field).
            let at = min(field.start + error.byteOffset, field.end)
            let rule = text.encoding == .utf8 || text.encoding == .utf16 ? "encoding.invalid_utf8" : "encoding.undefined_byte"
            throw UndecodableField(offset: at, reason: error.reason, rule: rule)
        } catch {
            throw UndecodableField(offset: field.start, reason: "\(error)", rule: "encoding.invalid")
        }
    }

    private func makeHeader(_ names: [String], at start: Int) throws -> [String] {
        var seen: Set<String> = []
        var header: [String] = []
        // A column with aliases is also found by its own name in another case or spacing.
        var aliases = Dictionary(options.csvColumnAliases.values.sorted().map { (CSVColumnAlias.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for (other, column) in options.csvColumnAliases { aliases[CSVColumnAlias.key(other)] = column }
        for (k, name) in names.enumerated() {
            let key = name.isEmpty ? "column_\(k + 1)" : aliases[CSVColumnAlias.key(name)] ?? name
            if !seen.insert(key).inserted {
                throw buffer.diagnostic(at: start, rule: "csv.duplicate_header", "column name '\(key)' appears twice in the header")
            }
            header.append(key)
        }
        return header
    }
}
