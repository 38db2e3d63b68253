import CLibXML2
import Domain
import TextEncodings

/// Converts an expanded libxml2 subtree into a `RawNode`.
///
/// A text-only element without attributes is `.text`; otherwise an `.object` with `@attr` keys, child element
/// names (a repeated child becomes a `.list`) and `#text` for the element's own non-blank text. Names are local
/// names. An entity reference inside a record is refused (`XMLEntityRefused`): entities are never expanded.
enum XMLNodeConverter {
    struct EntityRefused: Error { var line: Int; var name: String }

    static func convert(_ node: xmlNodePtr) throws -> RawNode {
        var children: [(key: String, values: [RawNode])] = []
        var textPieces: [String] = []
        var hasElements = false
        var hasAttributes = false
        var attribute = node.pointee.properties
        while let attr = attribute {
            hasAttributes = true
            let key = "@" + name(attr.pointee.name)
            children.append((key: key, values: [.text(try attributeValue(attr))]))
            attribute = attr.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                hasElements = true
                let key = name(c.pointee.name)
                let value = try convert(c)
                if let k = children.firstIndex(where: { $0.key == key }) {
                    children[k].values.append(value)
                } else {
                    children.append((key: key, values: [value]))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { textPieces.append(String(cString: content)) }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE:
                throw EntityRefused(line: Int(xmlGetLineNo(c)), name: name(c.pointee.name))
            default:
                break  // comments, processing instructions
            }
            child = c.pointee.next
        }
        let ownText = textPieces.count == 1 ? textPieces[0] : textPieces.joined()
        if !hasElements && !hasAttributes { return .text(UnicodeNFC.normalize(ownText)) }
        var pairs: [(key: String, value: RawNode)] = children.map { ($0.key, $0.values.count == 1 ? $0.values[0] : .list($0.values)) }
        let trimmed = hasElements ? trimmedText(ownText) : ownText
        if !trimmed.isEmpty { pairs.append((key: "#text", value: .text(UnicodeNFC.normalize(trimmed)))) }
        return .object(pairs)
    }

    static func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func attributeValue(_ attr: xmlAttrPtr) throws -> String {
        var pieces = ""
        var child = attr.pointee.children
        while let c = child {
            if c.pointee.type == XML_ENTITY_REF_NODE {
                throw EntityRefused(line: Int(xmlGetLineNo(attr.pointee.parent)), name: name(c.pointee.name))
            }
            if let content = c.pointee.content { pieces += String(cString: content) }
            child = c.pointee.next
        }
        return UnicodeNFC.normalize(pieces)
    }

    private static func trimmedText(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
