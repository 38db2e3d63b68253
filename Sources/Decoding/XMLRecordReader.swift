import CLibXML2
import Domain
import TextEncodings

/// Streams XML records with libxml2's SAX2 parser reading through a callback (`xmlParseDocument`; ≈15% less
/// parser time than pushing chunks with `xmlParseChunk`), building each record's `RawNode` straight from SAX events
/// (`XMLRecordBuilder`); no libxml2 tree is built, so memory holds one record (plus one input chunk, and a start tag
/// cut by a chunk's end) at a time. Records completed so far are handed on each time libxml2 asks for more input.
/// Names compare by their dictionary-interned pointers. A record's raw bytes are its exact source text, taken from
/// the input between the record's start and end offsets (`XMLInputWindow`); only when libxml2 transcodes the input
/// (UTF-16, a declared or forced legacy encoding) is the raw text re-serialised from the events instead. Input our
/// own decoder transcoded (`LegacyToUTF8Source`) reaches libxml2 as UTF-8: its raw text is the transcoded text.
///
/// Safety: always `XML_PARSE_NONET`, never `NOENT` or `DTDLOAD`; any entity reference that is not one of the five
/// predefined ones fails the file (`xml.entity`), and libxml2's own entity-loop checks stay on.
/// Record locations carry the line of the record's start tag and an XPath-like pointer (`/dan_cu/cong_dan[12]`);
/// `column` and `byteOffset` are nil for XML records (SAX2 reports positions after the start tag, not at it).
final class XMLRecordReader {
    private let name: String
    private let options: DecodeOptions
    let collector = XMLErrorCollector()
    private(set) var records = 0
    private(set) var recordErrors = 0
    /// Bytes handed to the parser.
    private(set) var bytesRead = 0

    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
    /// Bytes read from the source at a time; libxml2 reads them from the window 4,000 at a time (64 KiB decoded the
    /// 1M-record population export ≈3% faster than 8 KiB with `lienthong bench decode`; bench/decode.sh).
    static let chunkSize = 64 << 10
    /// How far before the parser's cursor the window keeps a start tag being parsed when input runs out in it (a
    /// record starting there keeps its exact source text; a longer tag's record is re-serialised).
    static let heldTagLimit = 1 << 20

    /// The input was transcoded to UTF-8 before the parser (`LegacyToUTF8Source`): libxml2 reads it as UTF-8,
    /// whatever its declaration says.
    private let transcoded: Bool

    init(name: String, options: DecodeOptions, transcoded: Bool = false) {
        self.name = name
        self.options = options
        self.transcoded = transcoded
        builderStorage = .allocate(capacity: 1)
        builderStorage.initialize(to: XMLRecordBuilder(names: XMLNameTable(dictionary: nil)))
    }

    deinit {
        window.deallocate()
        builderStorage.pointee.deallocate()
        builderStorage.deinitialize(count: 1)
        builderStorage.deallocate()
    }

    /// libxml2's name for a forced encoding (nil = follow the document).
    static func libxmlEncodingName(_ encoding: TextEncoding?) -> String? {
        switch encoding {
        case .windows1258: return "CP1258"
        case .tcvn3: return "TCVN5712-1"
        case .vni, .utf8, .utf16, .none: return nil
        }
    }

    /// An element outside any record, for record pointers and path matching.
    private struct Ancestor {
        var id: Int
        /// The pointer up to and including this element (`/dan_cu/tinh[2]`).
        var path: String
        /// How many children of each name id have been seen.
        var counts: [Int: Int] = [:]
    }

    /// The record being built.
    private struct OpenRecord {
        var line: Int
        var pointer: String
        /// Offset of the record's `<` in the input when its raw text is taken from there; nil = re-serialised.
        var start: Int?
    }

    // Parse state, touched only by the SAX and input callbacks during `xmlParseDocument`.
    private var names = XMLNameTable(dictionary: nil)
    private var matcher: RecordMatcher?
    /// The record builder, behind a pointer: it is mutated on every SAX event, and a class's stored property would
    /// pay a dynamic exclusivity check each time (≈8% of XML decode time when measured).
    private let builderStorage: UnsafeMutablePointer<XMLRecordBuilder>
    private var builder: XMLRecordBuilder {
        _read { yield builderStorage.pointee }
        _modify { yield &builderStorage.pointee }
    }
    private var ancestors: [Ancestor] = []
    private var open: OpenRecord?
    /// A record completed since libxml2 last asked for input, handed on when it next asks (or the document ends).
    private enum Completed {
        case record(RawRecord)
        case rejected(RecordError)
    }
    private var completed: [Completed] = []
    /// XSD violations inside the open record; outside any record; the line the last record ended on.
    private var recordViolations: [XMLSchemaValidation.Violation] = []
    private var fileViolations: [XMLSchemaValidation.Violation] = []
    private var lastRecordEndLine = 0
    /// A failure found in a callback (refused entity, oversized record, a failed read).
    private var failure: Diagnostic?
    /// The parse is over for us (a failure, or the consumer's error): callbacks ignore events, the input ends.
    private var stopped = false
    private var parser: UnsafeMutablePointer<xmlParserCtxt>?
    /// The input, kept for records' raw text.
    private var window = XMLInputWindow(capacity: 2 * XMLRecordReader.chunkSize)

    /// Where input comes from and records go, for the duration of `run`.
    private struct Consumer {
        var source: ByteSource
        var onRecord: (RawRecord) throws -> Void
        var onRecordError: (RecordError) throws -> Void
    }
    private var consumer: Consumer?
    /// An error thrown by the consumer of records: the parse ends and it is rethrown.
    private var interruption: Error?

    /// Parses all of `source`, calling `onRecord` for each record in document order.
    func run(source: ByteSource, onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void) throws {
        try withoutActuallyEscaping(onRecord) { onRecord in
            try withoutActuallyEscaping(onRecordError) { onRecordError in
                consumer = Consumer(source: source, onRecord: onRecord, onRecordError: onRecordError)
                defer { consumer = nil }
                try parse()
            }
        }
    }

    private func parse() throws {
        var handler = XMLSAXCallbacks.handler()
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let parser = xmlCreateIOParserCtxt(&handler, nil, Self.readInput, Self.closeInput, context, XML_CHAR_ENCODING_NONE) else {
            throw diagnostic(line: 1, column: 1, rule: "xml.internal", "libxml2 could not create a parser")
        }
        self.parser = parser
        defer {
            if let document = parser.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(parser)
            self.parser = nil
        }
        // A transcoded or forced input is read as that, whatever its declaration says (libxml2 would otherwise switch
        // to the declared encoding when it meets it); otherwise libxml2 detects a byte order mark and follows the
        // declaration.
        // Transcoded input is UTF-8 already: it is declared so (which also skips byte-order-mark detection) without
        // an encoder, so that offsets stay the input's and records keep their exact text.
        let forced = transcoded ? "UTF-8" : Self.libxmlEncodingName(options.encoding)
        _ = xmlCtxtUseOptions(parser, Self.parseOptions | (forced != nil ? Int32(XML_PARSE_IGNORE_ENC.rawValue) : 0))
        if let forced {
            let encoder = transcoded ? nil : xmlFindCharEncodingHandler(forced)
            if !transcoded && encoder == nil {
                throw diagnostic(line: 1, column: 1, rule: "encoding.invalid", "libxml2 cannot read the encoding \(forced)")
            }
            parser.pointee.encoding = UnsafePointer(xmlStrdup(forced))
            if let encoder { _ = xmlSwitchToEncoding(parser, encoder) }
        }
        parser.pointee._private = context
        names = XMLNameTable(dictionary: parser.pointee.dict, namespaces: options.xmlNamespaces)
        matcher = RecordMatcher(options.recordPath, names: names)
        builder.use(names: names)
        let validation = try options.xmlSchemaPath.map(XMLSchemaValidation.init(schemaPath:))
        if let validation {
            validation.onViolation = { [unowned self] violation in self.schemaViolation(violation) }
            try validation.plug(into: parser)
        }
        defer { validation?.unplug() }

        _ = xmlParseDocument(parser)
        try handOn()
        try checkErrors(parser)
        if parser.pointee.wellFormed == 0 {  // an error that reached no callback: never pass the file as whole
            throw diagnostic(line: Int(parser.pointee.input?.pointee.line ?? 1), column: Int(parser.pointee.input?.pointee.col ?? 1),
                rule: "xml.not_well_formed", "the document is not well-formed")
        }
        if open != nil {
            throw diagnostic(line: Int(parser.pointee.input?.pointee.line ?? 1), column: Int(parser.pointee.input?.pointee.col ?? 1),
                rule: "xml.unexpected_end", "the document ended inside a record")
        }
        if !fileViolations.isEmpty {
            throw DiagnosticList(fileViolations.map { diagnostic(line: $0.line, column: nil, rule: "xml.schema_violation", $0.message) })
        }
    }

    /// libxml2's input callbacks; the context is the reader.
    private static let readInput: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        return Unmanaged<XMLRecordReader>.fromOpaque(context)._withUnsafeGuaranteedRef {
            $0.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
        }
    }
    private static let closeInput: xmlInputCloseCallback = { _ in 0 }

    /// libxml2 asks for more input: the records completed so far are handed on, then the next bytes served. A
    /// failure ends the input here (0): libxml2 then parses what it holds (a few hundred bytes at most, its events
    /// ignored) and reports a premature end, which the failure outranks. `xmlStopParser` cannot be called here: it
    /// would free the very buffer libxml2 is filling.
    private func read(into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        guard let consumer else { return 0 }
        do {
            try handOn()
        } catch {
            interruption = error
            stopped = true
        }
        if stopped || collector.first != nil { return 0 }
        // When the window is to read on, it drops what is parsed: everything before the parser's cursor, except a start
        // tag cut by the end of input, kept from its `<` in case it starts a record (an open record's head is saved
        // by the window).
        var keep = window.handed
        if window.isAllHanded, let cursor = parserOffset() {
            keep = cursor
            if open == nil, let tag = window.tagOpen(before: cursor, within: Self.heldTagLimit) { keep = tag }
        }
        do {
            let n = try window.serve(into: buffer, from: consumer.source, chunkSize: Self.chunkSize, keepingFrom: keep, openRecord: open?.start)
            bytesRead += n
            return Int32(n)
        } catch let error as SourceReadError {
            failure = diagnostic(line: Int(parser?.pointee.input?.pointee.line ?? 1), column: 1, rule: "io.read_failed", "read failed (errno \(error.code))")
        } catch {
            interruption = error  // a transcoding source's own diagnostic (an undefined legacy byte)
        }
        stopped = true
        return 0
    }

    /// Hands the records completed since the last call to the consumer; rethrows the consumer's error, once it threw.
    private func handOn() throws {
        if let interruption { throw interruption }
        guard let consumer else { return }
        defer { completed.removeAll(keepingCapacity: true) }
        for item in completed {
            switch item {
            case .record(let record): try consumer.onRecord(record)
            case .rejected(let error): try consumer.onRecordError(error)
            }
        }
    }

    // MARK: - SAX events

    func startElement(
        _ localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, isEmpty: Bool,
        context: UnsafeMutableRawPointer,
        namespaces: XMLSAXArguments, attributes: XMLSAXArguments
    ) {
        /// The line of the start tag: asked only when needed (a record start, a failure).
        func line() -> Int { Int(xmlSAX2GetLineNumber(context)) }
        guard !stopped else { return }
        names.unmanagedEntry(localName, prefix: prefix, uri: uri)._withUnsafeGuaranteedRef { entry in
            startElement(entry, prefix: prefix, isEmpty: isEmpty, line: line, namespaces: namespaces, attributes: attributes)
        }
    }

    private func startElement(
        _ entry: XMLNameTable.Entry, prefix: UnsafePointer<xmlChar>?, isEmpty: Bool, line: () -> Int,
        namespaces: XMLSAXArguments, attributes: XMLSAXArguments
    ) {
        do {
            if open != nil {
                try builder.startElement(entry, prefix: prefix, isEmpty: isEmpty, namespaces: namespaces, attributes: attributes)
                checkSize()
                return
            }
            guard let matcher else { return }
            let depth = ancestors.count
            var index = 1
            if depth > 0 {
                index = (ancestors[depth - 1].counts[entry.memberID] ?? 0) + 1
                ancestors[depth - 1].counts[entry.memberID] = index
            }
            let parentPath = ancestors.last?.path ?? ""
            if matcher.matches(depth: depth, id: entry.id, ancestors: ancestors.lazy.map(\.id)) {
                let start = recordStartOffset()
                var pointer = parentPath
                pointer.reserveCapacity(parentPath.utf8.count + entry.name.utf8.count + 12)
                pointer += "/"
                pointer += entry.name
                pointer += "["
                pointer += String(index)
                pointer += "]"
                open = OpenRecord(line: line(), pointer: pointer, start: start)
                builder.begin(reserialising: start == nil)
                try builder.startElement(entry, prefix: prefix, isEmpty: isEmpty, namespaces: namespaces, attributes: attributes)
                checkSize()
            } else {
                ancestors.append(Ancestor(id: entry.id, path: parentPath + "/" + (index > 1 ? "\(entry.name)[\(index)]" : entry.name)))
            }
        } catch let refused as XMLRecordBuilder.EntityRefused {
            entityReference(refused.name, line: line())
        } catch {
            fail(diagnostic(line: line(), column: nil, rule: "xml.internal", "\(error)"))
        }
    }

    func endElement(prefix: UnsafePointer<xmlChar>?) {
        guard !stopped else { return }
        guard let record = open else {
            if !ancestors.isEmpty { ancestors.removeLast() }
            return
        }
        if let value = builder.endElement(prefix: prefix) {
            open = nil
            records += 1
            lastRecordEndLine = Int(parser?.pointee.input?.pointee.line ?? 0)
            let location = SourceLocation(file: name, line: record.line > 0 ? record.line : nil, pointer: record.pointer)
            let rawBytes = rawBytes(of: record)
            if recordViolations.isEmpty {
                completed.append(.record(RawRecord(location: location, fields: value, rawBytes: rawBytes)))
            } else {
                recordErrors += 1
                completed.append(.rejected(RecordError(
                    location: location, rawText: String(decoding: rawBytes, as: UTF8.self), reasons: recordViolations.map(Self.finding))))
                recordViolations.removeAll()
            }
        }
    }

    // MARK: - Raw text

    /// Offset in the input of the document parser's cursor; nil when libxml2 transcodes the input (its buffer then
    /// holds converted text, whose offsets are not the input's). Also right inside the read callback, where `base`
    /// may point into a buffer being regrown: only the distance `cur - base` is used, and libxml2 updates it (and
    /// `consumed`) consistently before it reads (growing moves neither; shrinking moves `cur` back by what it adds
    /// to `consumed`).
    @inline(__always)
    private func parserOffset() -> Int? {
        guard let parser, parser.pointee.inputNr == 1, let input = parser.pointee.input, let buffer = input.pointee.buf,
            buffer.pointee.encoder == nil, let cursor = input.pointee.cur, let base = input.pointee.base, cursor >= base
        else { return nil }
        return Int(input.pointee.consumed) + (cursor - base)
    }

    /// Offset of the `<` of the start tag being reported (the parser's cursor is at its `>` or `/>`, and a start tag
    /// is whole in libxml2's buffer when reported; no `<` occurs inside a tag), when the window still holds it.
    private func recordStartOffset() -> Int? {
        guard let cursorOffset = parserOffset(), let parser, let input = parser.pointee.input,
            var cursor = input.pointee.cur, let base = input.pointee.base
        else { return nil }
        let tagEnd = cursor
        while cursor > base {
            cursor -= 1
            if cursor.pointee == UInt8(ascii: "<") {
                let start = cursorOffset - (tagEnd - cursor)
                return window.holds(start) ? start : nil
            }
        }
        return nil
    }

    /// The closed record's raw bytes: its source text (the parser's cursor is just past its end tag), or the
    /// re-serialised text.
    private func rawBytes(of record: OpenRecord) -> [UInt8] {
        guard let start = record.start else { return builder.raw.output() }
        if let stop = parserOffset(), let bytes = window.rawBytes(from: start, to: stop) { return bytes }
        assertionFailure("the record's source bytes were dropped before it ended")
        return builder.raw.output()
    }

    /// An XSD violation: it belongs to the open record, or to the record whose end tag was just validated, or to
    /// the file.
    private func schemaViolation(_ reported: XMLSchemaValidation.Violation) {
        var violation = reported
        if violation.line <= 0 {  // a streaming validator has no node: the parser's position is where it is
            violation.line = Int(parser?.pointee.input?.pointee.line ?? 0)
        }
        if open != nil {
            recordViolations.append(violation)
        } else if violation.line == lastRecordEndLine, let last = completed.indices.last {
            switch completed[last] {
            case .record(let record):
                recordErrors += 1
                completed[last] = .rejected(RecordError(location: record.location, rawText: record.rawText, reasons: [Self.finding(violation)]))
            case .rejected(var error):
                error.reasons.append(Self.finding(violation))
                completed[last] = .rejected(error)
            }
        } else {
            fileViolations.append(violation)
        }
    }

    private static func finding(_ violation: XMLSchemaValidation.Violation) -> Finding {
        Finding(rule: "xml.schema_violation", severity: .error, message: "line \(violation.line): \(violation.message)")
    }

    @inline(__always)
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !stopped, open != nil else { return }
        builder.characters(bytes)
        checkSize()
    }

    func comment(_ text: UnsafePointer<xmlChar>?) {
        guard !stopped, open != nil else { return }
        builder.comment(text)
    }

    /// An entity reference the parser did not expand: refused, the file fails. `line` nil = the document parser's
    /// current line.
    func entityReference(_ entity: String, line: Int?) {
        let line = line ?? Int(parser?.pointee.input?.pointee.line ?? 1)
        fail(diagnostic(line: line, column: nil, rule: "xml.entity", "entity reference '&\(entity);' is not expanded (entities are refused)"))
    }

    // MARK: - Failures

    @inline(__always)
    private func checkSize() {
        guard builder.bytesTaken > options.maxRecordBytes, let record = open else { return }
        fail(diagnostic(line: record.line, column: nil, rule: "xml.record_too_large",
            "the record at \(record.pointer) holds more than \(options.maxRecordBytes) bytes of text"))
    }

    private func fail(_ diagnostic: Diagnostic) {
        guard !stopped else { return }
        stopped = true
        failure = diagnostic
        if let parser { xmlStopParser(parser) }
    }

    private func checkErrors(_ parser: UnsafeMutablePointer<xmlParserCtxt>) throws {
        if let failure { throw failure }
        guard let report = collector.first else { return }
        var line = report.line, column = report.column
        if XMLErrorCollector.isEntityContentError(report.code) || line <= 0 {
            line = Int(parser.pointee.input?.pointee.line ?? 1)
            column = Int(parser.pointee.input?.pointee.col ?? 1)
        }
        throw diagnostic(line: line, column: column, rule: XMLErrorCollector.rule(for: report.code, message: report.message), report.message)
    }

    private func diagnostic(line: Int, column: Int?, rule: String, _ message: String) -> Diagnostic {
        Diagnostic(location: SourceLocation(file: name, line: max(line, 1), column: column.map { max($0, 1) } ?? 1), rule: rule, message: message)
    }
}
