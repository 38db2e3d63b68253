import Domain
import TextEncodings

/// Streams records out of CSV, JSON and XML files with positions on everything.
public enum RecordDecoder {
    /// Bytes sampled for encoding detection and delimiter sniffing.
    static let sampleSize = 64 << 10

    /// Streams the file. File-level failures (not well-formed XML, truncated JSON, unterminated CSV quote, invalid
    /// UTF-8, empty file …) throw `Diagnostic` with file:line:column; the caller then applies nothing of the file.
    /// Record-level problems go to `onRecordError` and decoding continues. Errors thrown by the callbacks propagate.
    public static func decodeFile(
        path: String, options: DecodeOptions,
        onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void
    ) throws -> DecodeSummary {
        guard let source = FileByteSource(path: path) else {
            throw Diagnostic(location: SourceLocation(file: path), rule: "io.cannot_open", message: "cannot open the file for reading")
        }
        if options.format == .xml {
            let sample = try PrefixedByteSource.readSample(source, count: sampleSize)
            if sample.isEmpty { throw emptyFile(path) }
            return try decodeXML(
                PrefixedByteSource(prefix: sample, rest: source), name: path, options: options, sample: sample,
                onRecord: onRecord, onRecordError: onRecordError)
        }
        return try decodeStream(source, name: path, options: options, onRecord: onRecord, onRecordError: onRecordError)
    }

    /// Same as `decodeFile` for bytes already in memory; `name` is used in locations.
    public static func decode(
        bytes: [UInt8], name: String, options: DecodeOptions,
        onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void
    ) throws -> DecodeSummary {
        if options.format == .xml {
            if bytes.isEmpty { throw emptyFile(name) }
            return try decodeXML(
                MemoryByteSource(bytes), name: name, options: options, sample: Array(bytes.prefix(sampleSize)),
                onRecord: onRecord, onRecordError: onRecordError)
        }
        return try decodeStream(MemoryByteSource(bytes), name: name, options: options, onRecord: onRecord, onRecordError: onRecordError)
    }

    // MARK: - CSV and JSON

    private static func decodeStream(
        _ raw: ByteSource, name: String, options: DecodeOptions,
        onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void
    ) throws -> DecodeSummary {
        let sample: [UInt8]
        do {
            sample = try PrefixedByteSource.readSample(raw, count: sampleSize)
        } catch {
            throw Diagnostic(location: SourceLocation(file: name), rule: "io.read_failed", message: "cannot read the file: \(error)")
        }
        if sample.isEmpty { throw emptyFile(name) }
        let encoding = options.encoding ?? EncodingDetector.detect(sample)
        var source: ByteSource = PrefixedByteSource(prefix: sample, rest: raw)
        if encoding == .utf16 { source = UTF16ToUTF8Source(source) }
        let buffer = InputBuffer(source: source, name: name)
        do {
            try buffer.prefetch(sampleSize)
            if encoding != .utf16, buffer.count >= 3, buffer.storage[0] == 0xEF, buffer.storage[1] == 0xBB, buffer.storage[2] == 0xBF {
                buffer.skipPrefix(3)
            }
            if buffer.count == 0 && buffer.isEOF { throw emptyFile(name) }
            switch options.format {
            case .csv:
                let delimiter = options.csvDelimiter ?? buffer.storage.withUnsafeBufferPointer {
                    CSVDelimiterSniffer.sniff(UnsafeBufferPointer(rebasing: $0[0..<min(buffer.count, sampleSize)]))
                }
                let reader = CSVRecordReader(buffer: buffer, options: options, delimiter: delimiter, encoding: encoding)
                try reader.run(onRecord: onRecord, onRecordError: onRecordError)
                return DecodeSummary(records: reader.records, recordErrors: reader.recordErrors, bytes: buffer.bytesRead, encoding: encoding)
            case .json:
                let reader = JSONRecordReader(buffer: buffer, options: options, encoding: encoding)
                try reader.run(onRecord: onRecord, onRecordError: onRecordError)
                return DecodeSummary(records: reader.records, recordErrors: reader.recordErrors, bytes: buffer.bytesRead, encoding: encoding)
            case .xml:  // callers route XML to libxml2 before this point
                throw Diagnostic(location: SourceLocation(file: name), rule: "xml.internal", message: "XML cannot be byte-streamed")
            }
        } catch let error as TextDecodingError {
            throw buffer.diagnostic(at: buffer.count, rule: "encoding.invalid_utf16", "\(error.reason) at byte \(error.byteOffset)")
        } catch let error as SourceReadError {
            throw buffer.diagnostic(at: buffer.count, rule: "io.read_failed", "read failed (errno \(error.code))")
        }
    }

    // MARK: - XML

    private static func decodeXML(
        _ source: ByteSource, name: String, options: DecodeOptions, sample: [UInt8],
        onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void
    ) throws -> DecodeSummary {
        let legacy = XMLLegacyInput.encoding(options.encoding, sample: sample)
        let decoder = XMLRecordReader(name: name, options: options, transcoded: legacy != nil)
        try decoder.run(
            source: legacy.map { LegacyToUTF8Source(source, encoding: $0, name: name) } ?? source, onRecord: onRecord, onRecordError: onRecordError)
        let encoding: TextEncoding
        if let legacy {
            encoding = legacy
        } else if let forced = options.encoding {
            encoding = forced
        } else if sample.count >= 2, (sample[0] == 0xFF && sample[1] == 0xFE) || (sample[0] == 0xFE && sample[1] == 0xFF) {
            encoding = .utf16
        } else {
            encoding = .utf8
        }
        return DecodeSummary(records: decoder.records, recordErrors: decoder.recordErrors, bytes: decoder.bytesRead, encoding: encoding)
    }

    private static func emptyFile(_ name: String) -> Diagnostic {
        Diagnostic(location: SourceLocation(file: name, line: 1, column: 1, byteOffset: 0), rule: "input.empty", message: "the file is empty")
    }
}
