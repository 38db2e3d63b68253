import CLibXML2
import Domain
import TextEncodings

/// Streams XML records with libxml2's `xmlTextReader`: each record element is expanded, converted with
/// `XMLNodeConverter` and skipped with `xmlTextReaderNext`, so memory holds one record at a time.
///
/// Safety: always `XML_PARSE_NONET`, never `NOENT` or `DTDLOAD`; any entity reference that is not one of the five
/// predefined ones fails the file (`xml.entity`), and libxml2's own entity-loop checks stay on.
/// Record locations carry the element's start line and an XPath-like pointer (`/dan_cu/cong_dan[12]`);
/// libxml2 keeps no start column or byte offset per node, so `column` and `byteOffset` are nil for XML records.
final class XMLRecordReader {
    private let name: String
    private let options: DecodeOptions
    private let collector = XMLErrorCollector()
    private(set) var records = 0
    private(set) var recordErrors = 0

    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)

    init(name: String, options: DecodeOptions) {
        self.name = name
        self.options = options
    }

    /// libxml2's name for a forced encoding (nil = follow the document).
    static func libxmlEncodingName(_ encoding: TextEncoding?) -> String? {
        switch encoding {
        case .windows1258: return "CP1258"
        case .tcvn3: return "TCVN5712-1"
        case .vni, .utf8, .utf16, .none: return nil
        }
    }

    func run(reader: OpaquePointer, onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void) throws {
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.handler, collector.context)
        defer { xmlTextReaderSetStructuredErrorHandler(reader, nil, nil) }
        let dump = xmlBufferCreate()
        defer { xmlBufferFree(dump) }
        let matcher = RecordMatcher(options.recordPath)
        var stack: [(name: String, label: String, counts: [String: Int])] = []
        let elementType = Int32(XML_READER_TYPE_ELEMENT.rawValue)
        let entityType = Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)

        var status = xmlTextReaderRead(reader)
        while status == 1 {
            try checkErrors(reader)
            let type = xmlTextReaderNodeType(reader)
            if type == entityType {
                let entity = XMLNodeConverter.name(xmlTextReaderConstLocalName(reader))
                throw diagnostic(line: Int(xmlTextReaderGetParserLineNumber(reader)), column: nil, rule: "xml.entity",
                    "entity reference '&\(entity);' is not expanded (entities are refused)")
            }
            guard type == elementType else { status = xmlTextReaderRead(reader); continue }
            let depth = Int(xmlTextReaderDepth(reader))
            if stack.count > depth { stack.removeLast(stack.count - depth) }
            let local = XMLNodeConverter.name(xmlTextReaderConstLocalName(reader))
            var index = 1
            if depth > 0, depth <= stack.count {
                index = (stack[depth - 1].counts[local] ?? 0) + 1
                stack[depth - 1].counts[local] = index
            }
            if matcher.matches(depth: depth, name: local, ancestors: stack.lazy.map(\.name)) {
                let pointer = "/" + (stack.map(\.label) + ["\(local)[\(index)]"]).joined(separator: "/")
                try emitRecord(reader, dump: dump, pointer: pointer, onRecord: onRecord, onRecordError: onRecordError)
                status = xmlTextReaderNext(reader)
                continue
            }
            if xmlTextReaderIsEmptyElement(reader) == 0 {
                stack.append((name: local, label: index > 1 ? "\(local)[\(index)]" : local, counts: [:]))
            }
            status = xmlTextReaderRead(reader)
        }
        try checkErrors(reader)
        if status < 0 {
            throw diagnostic(line: Int(xmlTextReaderGetParserLineNumber(reader)), column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                rule: "xml.not_well_formed", "the XML reader stopped with an error")
        }
    }

    private func emitRecord(
        _ reader: OpaquePointer, dump: xmlBufferPtr?, pointer: String,
        onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void
    ) throws {
        guard let node = xmlTextReaderExpand(reader) else {
            try checkErrors(reader)
            throw diagnostic(line: Int(xmlTextReaderGetParserLineNumber(reader)), column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                rule: "xml.not_well_formed", "could not read the record element")
        }
        try checkErrors(reader)
        let line = Int(xmlGetLineNo(node))
        let location = SourceLocation(file: name, line: line > 0 ? line : nil, pointer: pointer)
        let fields: RawNode
        do {
            fields = try XMLNodeConverter.convert(node)
        } catch let refused as XMLNodeConverter.EntityRefused {
            throw diagnostic(line: refused.line, column: nil, rule: "xml.entity", "entity reference '&\(refused.name);' is not expanded (entities are refused)")
        }
        xmlBufferEmpty(dump)
        xmlNodeDump(dump, xmlTextReaderCurrentDoc(reader), node, 0, 0)
        var raw = ""
        if let content = xmlBufferContent(dump) {
            let length = Int(xmlBufferLength(dump))
            raw = String(decoding: UnsafeBufferPointer(start: content, count: min(length, 4096)), as: UTF8.self)
            if length > 4096 { raw += "…" }
        }
        records += 1
        try onRecord(RawRecord(location: location, fields: fields, rawText: raw))
    }

    private func checkErrors(_ reader: OpaquePointer) throws {
        guard let report = collector.first else { return }
        var line = report.line, column = report.column
        if XMLErrorCollector.isEntityContentError(report.code) || line <= 0 {
            line = Int(xmlTextReaderGetParserLineNumber(reader))
            column = Int(xmlTextReaderGetParserColumnNumber(reader))
        }
        throw diagnostic(line: line, column: column, rule: XMLErrorCollector.rule(for: report.code, message: report.message), report.message)
    }

    private func diagnostic(line: Int, column: Int?, rule: String, _ message: String) -> Diagnostic {
        Diagnostic(location: SourceLocation(file: name, line: max(line, 1), column: column.map { max($0, 1) } ?? 1), rule: rule, message: message)
    }
}

/// Decides which elements are records: children of the root (no path), any element with a local name, or an
/// absolute path of local names.
struct RecordMatcher {
    private enum Mode { case rootChildren, name(String), path([String]) }
    private let mode: Mode

    init(_ recordPath: String?) {
        guard let path = recordPath?.trimmingWhitespace, !path.isEmpty, path != "/" else { mode = .rootChildren; return }
        if path.hasPrefix("/") {
            mode = .path(path.split(separator: "/").map(String.init))
        } else {
            mode = .name(path)
        }
    }

    func matches(depth: Int, name: String, ancestors: some Collection<String>) -> Bool {
        switch mode {
        case .rootChildren: return depth == 1
        case .name(let wanted): return name == wanted
        case .path(let steps):
            guard depth == steps.count - 1, steps.last == name, ancestors.count == depth else { return false }
            return zip(ancestors, steps).allSatisfy { $0 == $1 }
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(unicodeScalars.drop(while: { $0.properties.isWhitespace }).reversed().drop(while: { $0.properties.isWhitespace }).reversed().map(Character.init))
    }
}
