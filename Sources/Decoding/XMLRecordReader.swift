import CLibXML2
import Domain
import TextEncodings

/// Streams XML records with libxml2's `xmlTextReader`, building each record's `RawNode` straight from reader
/// events (`XMLRecordBuilder`); no record is expanded into a libxml2 tree, and the reader frees nodes as it
/// passes them, so memory holds one record at a time. Names compare by their dictionary-interned pointers.
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

    /// `BIG_LINES` keeps line numbers past 65535 on text nodes (elements saturate at 65535; see `XMLLineTracker`).
    static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

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
        var depth: Int
        var line: Int
        var pointer: String
    }

    func run(reader: OpaquePointer, onRecord: (RawRecord) throws -> Void, onRecordError: (RecordError) throws -> Void) throws {
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.handler, collector.context)
        defer { xmlTextReaderSetStructuredErrorHandler(reader, nil, nil) }
        let names = XMLNameTable(reader: reader)
        let matcher = RecordMatcher(options.recordPath, names: names)
        var builder = XMLRecordBuilder(names: names)
        var lines = XMLLineTracker()
        var ancestors: [Ancestor] = []
        var open: OpenRecord?

        var status = xmlTextReaderRead(reader)
        while status == 1 {
            try checkErrors(reader)
            let type = xmlTextReaderNodeType(reader)
            guard let node = xmlTextReaderCurrentNode(reader) else { status = xmlTextReaderRead(reader); continue }
            switch type {
            case XMLEvent.element:
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                if open != nil {
                    _ = try start(&builder, node, isEmpty: isEmpty)
                    break
                }
                let depth = Int(xmlTextReaderDepth(reader))
                if ancestors.count > depth { ancestors.removeLast(ancestors.count - depth) }
                let entry = names.entry(node.pointee.name)
                var index = 1
                if depth > 0, depth <= ancestors.count {
                    index = (ancestors[depth - 1].counts[entry.id] ?? 0) + 1
                    ancestors[depth - 1].counts[entry.id] = index
                }
                let parentPath = ancestors.last?.path ?? ""
                if matcher.matches(depth: depth, id: entry.id, ancestors: ancestors.lazy.map(\.id)) {
                    let record = OpenRecord(depth: depth, line: lines.line(ofElement: node), pointer: parentPath + "/" + entry.name + "[\(index)]")
                    builder.begin()
                    if let value = try start(&builder, node, isEmpty: isEmpty) {
                        try emit(record, value, builder.rawText, onRecord)
                    } else {
                        open = record
                    }
                } else if !isEmpty {
                    ancestors.append(Ancestor(id: entry.id, path: parentPath + "/" + (index > 1 ? "\(entry.name)[\(index)]" : entry.name)))
                }
            case XMLEvent.endElement:
                if let record = open, let value = builder.endElement(node) {
                    open = nil
                    try emit(record, value, builder.rawText, onRecord)
                }
            case XMLEvent.text, XMLEvent.cdata, XMLEvent.whitespace, XMLEvent.significantWhitespace:
                lines.sawText(node)
                if open != nil { builder.characters(xmlTextReaderConstValue(reader)) }
            case XMLEvent.comment:
                if open != nil { builder.comment(xmlTextReaderConstValue(reader)) }
            case XMLEvent.entityReference, XMLEvent.entity:
                let entity = node.pointee.name.map { String(cString: $0) } ?? ""
                let line = Int(xmlGetLineNo(node))  // the parser may already be lines ahead of the reader
                throw entityRefused(entity, line: line > 0 ? line : Int(xmlTextReaderGetParserLineNumber(reader)))
            default:
                break  // processing instructions, document type, XML declaration
            }
            status = xmlTextReaderRead(reader)
        }
        try checkErrors(reader)
        if status < 0 {
            throw diagnostic(line: Int(xmlTextReaderGetParserLineNumber(reader)), column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                rule: "xml.not_well_formed", "the XML reader stopped with an error")
        }
        if open != nil {
            throw diagnostic(line: Int(xmlTextReaderGetParserLineNumber(reader)), column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                rule: "xml.unexpected_end", "the document ended inside a record")
        }
    }

    private func start(_ builder: inout XMLRecordBuilder, _ node: xmlNodePtr, isEmpty: Bool) throws -> RawNode? {
        do {
            return try builder.startElement(node, isEmpty: isEmpty)
        } catch let refused as XMLRecordBuilder.EntityRefused {
            throw entityRefused(refused.name, line: Int(xmlGetLineNo(node)))
        }
    }

    private func emit(_ record: OpenRecord, _ value: RawNode, _ rawText: String, _ onRecord: (RawRecord) throws -> Void) throws {
        records += 1
        let location = SourceLocation(file: name, line: record.line > 0 ? record.line : nil, pointer: record.pointer)
        try onRecord(RawRecord(location: location, fields: value, rawText: rawText))
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

    private func entityRefused(_ entity: String, line: Int) -> Diagnostic {
        diagnostic(line: line, column: nil, rule: "xml.entity", "entity reference '&\(entity);' is not expanded (entities are refused)")
    }

    private func diagnostic(line: Int, column: Int?, rule: String, _ message: String) -> Diagnostic {
        Diagnostic(location: SourceLocation(file: name, line: max(line, 1), column: column.map { max($0, 1) } ?? 1), rule: rule, message: message)
    }
}

/// xmlTextReader node types (`xmlReaderTypes`) as plain integers for `switch`.
enum XMLEvent {
    static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
    static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
    static let entityReference = Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
    static let entity = Int32(XML_READER_TYPE_ENTITY.rawValue)
    static let comment = Int32(XML_READER_TYPE_COMMENT.rawValue)
    static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
    static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
    static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
}
