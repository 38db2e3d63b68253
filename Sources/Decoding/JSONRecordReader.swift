import Foundation
import Domain
import TextEncodings

/// Streams JSON records: the elements of a top-level array, the elements of the array at a JSON pointer
/// (`recordPath`), or JSON Lines (one value per line). Only one record (plus one chunk) is in memory at a time.
///
/// Any syntax error, duplicate key or invalid UTF-8/UTF-16 fails the whole file with a `Diagnostic`. A record that is
/// valid JSON but not an object (`json.record_not_object`), or that holds a string with a byte its legacy encoding
/// leaves undefined (`encoding.undefined_byte`), is a `RecordError`; such a string outside any record fails the file.
final class JSONRecordReader {
    private let buffer: InputBuffer
    private let options: DecodeOptions
    private let text: FieldText
    private var pos = 0
    private(set) var records = 0
    private(set) var recordErrors = 0

    init(buffer: InputBuffer, options: DecodeOptions, encoding: TextEncoding) {
        self.buffer = buffer
        self.options = options
        self.text = FieldText(encoding: encoding)
    }

    typealias OnRecord = (RawRecord) throws -> Void
    typealias OnRecordError = (RecordError) throws -> Void

    func run(onRecord: OnRecord, onRecordError: OnRecordError) throws {
        guard let first = try nextByte() else {
            throw buffer.diagnostic(at: pos, rule: "input.empty", "the file has no JSON content")
        }
        let tokens = try pointerTokens()
        if tokens.isEmpty {
            if first == 0x5B {
                try readArray(prefix: "", onRecord: onRecord, onRecordError: onRecordError)
                try expectEnd()
            } else {
                try readLines(onRecord: onRecord, onRecordError: onRecordError)
            }
            return
        }
        guard first == 0x7B else {
            throw buffer.diagnostic(at: pos, rule: "json.record_path_not_found", "recordPath '\(options.recordPath ?? "")' needs a top-level object")
        }
        var found = false
        try walkObject(tokens: tokens, level: 0, found: &found, onRecord: onRecord, onRecordError: onRecordError)
        try expectEnd()
        if !found {
            throw buffer.diagnostic(at: pos, rule: "json.record_path_not_found", "recordPath '\(options.recordPath ?? "")' does not exist in the file")
        }
    }

    // MARK: - Steps (each one is retried from its start when the window runs out)

    /// Runs `step` on the current window from `pos`; on `.needMore` reads more (keeping from `pos`) and retries.
    private func attempt<T>(_ step: (inout JSONValueParser, inout Int) throws(JSONParseStop) -> T) throws -> T {
        while true {
            let outcome: Result<(T, Int), JSONParseStop> = buffer.storage.withUnsafeBufferPointer { p in
                var parser = JSONValueParser(p, end: buffer.count, eof: buffer.isEOF, text: text)
                var i = pos
                do throws(JSONParseStop) {
                    let value = try step(&parser, &i)
                    return .success((value, i))
                } catch {
                    return .failure(error)
                }
            }
            switch outcome {
            case .success(let (value, next)):
                pos = next
                return value
            case .failure(.needMore):
                if buffer.count - pos > options.maxRecordBytes {
                    throw buffer.diagnostic(at: pos, rule: "record.too_large", "a JSON value is larger than \(options.maxRecordBytes) bytes")
                }
                let before = buffer.count - pos
                try buffer.fill(keepingFrom: pos)
                pos = 0
                if buffer.count == before && buffer.isEOF { continue }  // the retry sees eof and reports the real error
            case .failure(.invalid(let at, let rule, let message)):
                throw buffer.diagnostic(at: at, rule: rule, message)
            }
        }
    }

    /// Skips whitespace (reading more as needed); the next byte, or nil at end of input.
    private func nextByte() throws -> UInt8? {
        while true {
            let found: UInt8? = buffer.storage.withUnsafeBufferPointer { p in
                while pos < buffer.count {
                    let b = p[pos]
                    if b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { return b }
                    pos += 1
                }
                return nil
            }
            if let found { return found }
            if buffer.isEOF { return nil }
            try buffer.fill(keepingFrom: pos)
            pos = 0
        }
    }

    private func expect(_ byte: UInt8, _ what: String) throws {
        guard let b = try nextByte() else {
            throw buffer.diagnostic(at: pos, rule: "json.unexpected_end", "unexpected end of input; expected \(what)")
        }
        guard b == byte else {
            throw buffer.diagnostic(at: pos, rule: "json.unexpected_character", "unexpected '\(JSONValueParser.show(b))'; expected \(what)")
        }
        pos += 1
    }

    private func expectEnd() throws {
        if let b = try nextByte() {
            throw buffer.diagnostic(at: pos, rule: "json.trailing_content", "unexpected '\(JSONValueParser.show(b))' after the end of the document")
        }
    }

    // MARK: - Record framing

    private func readArray(prefix: String, onRecord: OnRecord, onRecordError: OnRecordError) throws {
        try expect(0x5B, "'['")
        var index = 0
        if try nextByte() == 0x5D { pos += 1; return }
        while true {
            try readRecord(pointer: "\(prefix)/\(index)", onRecord: onRecord, onRecordError: onRecordError)
            index += 1
            guard let b = try nextByte() else {
                throw buffer.diagnostic(at: pos, rule: "json.unexpected_end", "unexpected end of input; expected ',' or ']'")
            }
            pos += 1
            if b == 0x5D { return }
            guard b == 0x2C else {
                throw buffer.diagnostic(at: pos - 1, rule: "json.unexpected_character", "unexpected '\(JSONValueParser.show(b))'; expected ',' or ']'")
            }
        }
    }

    private func readLines(onRecord: OnRecord, onRecordError: OnRecordError) throws {
        var index = 0
        while try nextByte() != nil {
            try readRecord(pointer: "/\(index)", onRecord: onRecord, onRecordError: onRecordError)
            index += 1
            // The rest of the line must be blank.
            while true {
                let b: UInt8? = buffer.storage.withUnsafeBufferPointer { p in
                    while pos < buffer.count, p[pos] == 0x20 || p[pos] == 0x09 || p[pos] == 0x0D { pos += 1 }
                    return pos < buffer.count ? p[pos] : nil
                }
                if let b {
                    guard b == 0x0A else {
                        throw buffer.diagnostic(at: pos, rule: "json.trailing_content", "JSON Lines: a second value on the same line")
                    }
                    break
                }
                if buffer.isEOF { break }
                try buffer.fill(keepingFrom: pos)
                pos = 0
            }
        }
    }

    private func readRecord(pointer: String, onRecord: OnRecord, onRecordError: OnRecordError) throws {
        _ = try nextByte()
        let node = try attempt { (parser: inout JSONValueParser, i: inout Int) throws(JSONParseStop) in
            let start = i
            return (try parser.parseValue(&i, depth: 0), start, parser.undecodable.found)
        }
        let start = node.1
        if pos - start > options.maxRecordBytes {
            throw buffer.diagnostic(at: start, rule: "record.too_large", "a JSON record is larger than \(options.maxRecordBytes) bytes")
        }
        let location = buffer.location(of: start, pointer: pointer)
        let raw = buffer.rawText(start..<pos, encoding: text.encoding)
        records += 1
        if !node.2.isEmpty {
            recordErrors += 1
            let reasons = node.2.map { item in
                let at = buffer.location(of: item.at)
                return Finding(
                    rule: "encoding.undefined_byte", severity: .error,
                    message: "a string at \(at.line ?? 0):\(at.column ?? 0): \(item.reason) (file read as \(text.encoding.rawValue))")
            }
            try onRecordError(RecordError(location: location, rawText: raw, reasons: reasons))
        } else if case .object = node.0 {
            try onRecord(RawRecord(location: location, fields: node.0, rawText: raw))
        } else {
            recordErrors += 1
            let finding = Finding(rule: "json.record_not_object", severity: .error, message: "a record must be a JSON object")
            try onRecordError(RecordError(location: location, rawText: raw, reasons: [finding]))
        }
    }

    /// `value`, unless the parse met a string its legacy encoding cannot decode: outside a record that fails the file
    /// (there is no record to quarantine).
    private static func decodable<T>(_ value: T, _ parser: JSONValueParser) throws(JSONParseStop) -> T {
        if let first = parser.undecodable.found.first {
            throw .invalid(at: first.at, rule: "encoding.undefined_byte", message: "\(first.reason) (outside any record)")
        }
        return value
    }

    // MARK: - recordPath navigation

    private func pointerTokens() throws -> [String] {
        guard let path = options.recordPath, !path.isEmpty, path != "/" else { return [] }
        guard path.hasPrefix("/") else {
            throw Diagnostic(location: SourceLocation(file: buffer.name), rule: "json.invalid_record_path", message: "recordPath '\(path)' is not a JSON pointer (it must start with '/')")
        }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// Walks an object (at its `{`), descending into the member named `tokens[level]`; other members are parsed
    /// (so the whole file is still checked) and dropped.
    private func walkObject(tokens: [String], level: Int, found: inout Bool, onRecord: OnRecord, onRecordError: OnRecordError) throws {
        try expect(0x7B, "'{'")
        var keys: Set<String> = []
        if try nextByte() == 0x7D { pos += 1; return }
        while true {
            guard try nextByte() == 0x22 else {
                throw buffer.diagnostic(at: pos, rule: "json.expected_key", "expected a quoted key")
            }
            let keyAt = pos
            let key = try attempt { (parser: inout JSONValueParser, i: inout Int) throws(JSONParseStop) in
                try Self.decodable(try parser.parseString(&i), parser)
            }
            if !keys.insert(key).inserted {
                throw buffer.diagnostic(at: keyAt, rule: "json.duplicate_key", "duplicate key '\(key)'")
            }
            try expect(0x3A, "':'")
            let next = try nextByte()
            if key == tokens[level] && level == tokens.count - 1 && next == 0x5B {
                found = true
                let prefix = "/" + tokens.map { $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined(separator: "/")
                try readArray(prefix: prefix, onRecord: onRecord, onRecordError: onRecordError)
            } else if key == tokens[level] && level < tokens.count - 1 && next == 0x7B {
                try walkObject(tokens: tokens, level: level + 1, found: &found, onRecord: onRecord, onRecordError: onRecordError)
            } else {
                _ = try attempt { (parser: inout JSONValueParser, i: inout Int) throws(JSONParseStop) in
                    try Self.decodable(try parser.parseValue(&i, depth: level + 1), parser)
                }
            }
            guard let b = try nextByte() else {
                throw buffer.diagnostic(at: pos, rule: "json.unexpected_end", "unexpected end of input; expected ',' or '}'")
            }
            pos += 1
            if b == 0x7D { return }
            guard b == 0x2C else {
                throw buffer.diagnostic(at: pos - 1, rule: "json.unexpected_character", "unexpected '\(JSONValueParser.show(b))'; expected ',' or '}'")
            }
        }
    }
}
