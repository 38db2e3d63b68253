import CLibXML2
import Foundation

/// Collects the first error libxml2 reports through its structured error handler.
///
/// Passed to C as an unretained context pointer; the reader only calls back synchronously during
/// `xmlTextReaderRead`/`Next`/`Expand`, while the collector is alive.
final class XMLErrorCollector {
    struct Report {
        var line: Int
        var column: Int
        var code: Int32
        var message: String
    }

    private(set) var first: Report?

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Non-capturing, so it converts to a C function pointer.
    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<XMLErrorCollector>.fromOpaque(userData).takeUnretainedValue()
        let e = error.pointee
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, collector.first == nil else { return }
        var message = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
        while message.hasSuffix("\n") { message.removeLast() }
        message = message.replacingOccurrences(of: "\n", with: "; ")
        collector.first = Report(line: Int(e.line), column: Int(e.int2), code: e.code, message: message)
    }

    /// Errors raised while parsing an entity's replacement text carry the line inside the entity; the reader's
    /// position is the useful one.
    static func isEntityContentError(_ code: Int32) -> Bool { code == 89 || code == 104 || code == 90 }

    /// Maps a libxml2 error code to a stable rule name.
    static func rule(for code: Int32, message: String) -> String {
        if code == 9 && message.contains("UTF-8") { return "encoding.invalid" }
        switch code {
        case 4: return "input.empty"                                   // XML_ERR_DOCUMENT_EMPTY
        case 89: return "xml.entity_loop"                              // XML_ERR_ENTITY_LOOP
        case 26, 27, 28, 29, 30, 104: return "xml.entity"              // undeclared / unparsed / external entity problems
        case 81, 31, 32: return "encoding.invalid"                     // invalid / unknown / unsupported encoding
        case 9: return "xml.invalid_char"                              // XML_ERR_INVALID_CHAR
        case 76: return "xml.tag_mismatch"                             // XML_ERR_TAG_NAME_MISMATCH
        case 5: return "xml.not_well_formed"                           // XML_ERR_DOCUMENT_END: libxml2 also uses it for an unclosed root
        case 77: return "xml.unexpected_end"                           // XML_ERR_TAG_NOT_FINISHED
        default: return "xml.not_well_formed"
        }
    }
}
