import CLibXML2
import Domain

/// Streaming XSD validation of an XML file against a schema (`DecodeOptions.xmlSchemaPath`), plugged into the
/// SAX2 parser with `xmlSchemaSAXPlug`, so validation costs no tree either.
///
/// Every validation error is reported with its line. An error inside a record makes that record a record error
/// (quarantined with all its reasons; the rest of the file goes on); an error outside any record (wrong root
/// element, a missing required sibling of the records) fails the file with all such errors.
final class XMLSchemaValidation {
    /// One validation error as libxml2 reported it.
    struct Violation {
        var line: Int
        var message: String
    }

    private let schemaPath: String
    private let schema: xmlSchemaPtr
    private let validator: xmlSchemaValidCtxtPtr
    private var plug: xmlSchemaSAXPlugPtr?
    /// Called for each violation (set by the reader before parsing).
    var onViolation: (Violation) -> Void = { _ in }

    /// Loads and compiles the schema; throws every schema error as one diagnostic list.
    init(schemaPath: String) throws {
        guard let parser = xmlSchemaNewParserCtxt(schemaPath) else {
            throw Diagnostic(location: SourceLocation(file: schemaPath), rule: "xml.schema_unreadable", message: "cannot open the XML schema")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let problems = ProblemList()
        xmlSchemaSetParserStructuredErrors(parser, ProblemList.handler, Unmanaged.passUnretained(problems).toOpaque())
        guard let schema = xmlSchemaParse(parser), problems.items.isEmpty else {
            let found = problems.items.isEmpty ? [Violation(line: 1, message: "the schema could not be compiled")] : problems.items
            throw DiagnosticList(found.map {
                Diagnostic(location: SourceLocation(file: schemaPath, line: max($0.line, 1), column: 1), rule: "xml.schema_invalid", message: $0.message)
            })
        }
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            xmlSchemaFree(schema)
            throw Diagnostic(location: SourceLocation(file: schemaPath), rule: "xml.internal", message: "libxml2 could not create a schema validator")
        }
        self.schemaPath = schemaPath
        self.schema = schema
        self.validator = validator
        xmlSchemaSetValidStructuredErrors(validator, Self.violationHandler, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        if let plug { xmlSchemaSAXUnplug(plug) }
        xmlSchemaFreeValidCtxt(validator)
        xmlSchemaFree(schema)
    }

    /// Wraps the parser's SAX handler so validation sees every event; call before parsing. The parser keeps itself as
    /// the user data libxml2's default SAX2 callbacks expect (the plug passes it through).
    ///
    /// The plug's handler does not forward the structured error callback: without it the parser's own errors (not
    /// well-formed input) would reach no collector, and a file cut short between two records would pass for a
    /// shorter, valid one. It is set on the plug's handler again (the callback finds its reader through the error's
    /// parser context, not the user data).
    func plug(into parser: UnsafeMutablePointer<xmlParserCtxt>) throws {
        let parserErrors = parser.pointee.sax?.pointee.serror
        let plugged = withUnsafeMutablePointer(to: &parser.pointee.sax) { sax in
            withUnsafeMutablePointer(to: &parser.pointee.userData) { userData in
                xmlSchemaSAXPlug(validator, sax, userData)
            }
        }
        guard let plugged, let handler = parser.pointee.sax else {
            throw Diagnostic(location: SourceLocation(file: schemaPath), rule: "xml.internal", message: "libxml2 could not plug the schema validator")
        }
        handler.pointee.serror = parserErrors
        plug = plugged
    }

    /// Restores the parser's own SAX handler (before the parser is freed).
    func unplug() {
        if let plug { xmlSchemaSAXUnplug(plug) }
        plug = nil
    }

    private static let violationHandler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let validation = Unmanaged<XMLSchemaValidation>.fromOpaque(context).takeUnretainedValue()
        validation.onViolation(Violation(line: Int(error.pointee.line), message: XMLErrorCollector.message(error.pointee)))
    }

    /// Collects schema-compilation errors.
    private final class ProblemList {
        var items: [Violation] = []

        static let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let list = Unmanaged<ProblemList>.fromOpaque(context).takeUnretainedValue()
            list.items.append(Violation(line: Int(error.pointee.line), message: XMLErrorCollector.message(error.pointee)))
        }
    }
}
