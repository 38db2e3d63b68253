import CLibXML2
import Foundation

/// Keeps the first error libxml2's parser reports (warnings are ignored) and maps libxml2 error codes to our
/// rule names.
final class XMLErrorCollector {
    struct Report {
        var line: Int
        var column: Int
        var code: Int32
        var message: String
    }

    private(set) var first: Report?

    /// Records `error` when it is the first error (or worse) seen.
    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, first == nil else { return }
        first = Report(line: Int(error.line), column: Int(error.int2), code: error.code, message: Self.message(error))
    }

    /// libxml2's message on one line.
    static func message(_ error: xmlError) -> String {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.hasSuffix("\n") { message.removeLast() }
        return message.replacingOccurrences(of: "\n", with: "; ")
    }

    /// Errors raised while parsing an entity's replacement text carry the line inside the entity; the parser's
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
