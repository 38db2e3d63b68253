import CLibXML2
import Domain

/// Builds one record's `RawNode` (and its capped raw text) from SAX2 events, without building a libxml2 tree.
///
/// Shape (see `RawNode`): an element with only text is `.text` (untrimmed); otherwise an `.object` with `@attr`
/// keys first, then child elements by local name in order of first appearance (a repeated child is a `.list`),
/// then `#text` for the element's own text (trimmed when the element has child elements, omitted when empty).
/// Text and CDATA pieces of one element are concatenated. An entity reference in an attribute throws
/// `EntityRefused`: entities are never expanded.
struct XMLRecordBuilder {
    struct EntityRefused: Error { var name: String }

    private struct Child {
        /// The name id for elements; 0 for attributes (never looked up).
        var id: Int
        var key: String
        var first: RawNode
        var more: [RawNode] = []
    }

    private struct Frame {
        /// The element's name, for attaching it to its parent and closing its raw text.
        var name: XMLNameTable.Entry
        /// Written `<name/>` in the source.
        var isEmpty: Bool
        var children: [Child] = []
        /// Where this element's own text starts in `text`.
        var textStart: Int
        var hasAttributes = false
        var hasElements = false
    }

    private let names: XMLNameTable
    /// Open elements are `frames[0..<depth]`; slots above stay allocated so their `children` arrays are reused.
    private var frames: [Frame] = []
    private var depth = 0
    /// Own text of the open elements, innermost last (a stack of byte runs).
    private var text: [UInt8] = []
    private var scratch: [UInt8] = []
    private(set) var raw: XMLRawTextWriter
    /// Text and attribute bytes taken in since `begin()`, for the record size limit.
    private(set) var bytesTaken = 0

    init(names: XMLNameTable, rawTextLimit: Int = 4096) {
        self.names = names
        self.raw = XMLRawTextWriter(limit: rawTextLimit)
    }

    /// Starts a new record (the next `startElement` is its element).
    mutating func begin() {
        depth = 0
        text.removeAll(keepingCapacity: true)
        raw.reset()
        bytesTaken = 0
    }

    /// An element start (SAX2 `startElementNs` arguments); `isEmpty` when written `<name/>`.
    mutating func startElement(
        _ entry: XMLNameTable.Entry, prefix: UnsafePointer<xmlChar>?, isEmpty: Bool,
        namespaces: XMLSAXArguments, attributes: XMLSAXArguments
    ) throws {
        raw.raw("<")
        writeQualifiedName(prefix: prefix, name: entry.bytes)
        for k in 0..<namespaces.count {
            raw.raw(" xmlns")
            if let prefix = namespaces.string(k, 0) {
                raw.raw(":")
                raw.raw(prefix)
            }
            raw.raw("=\"")
            if let href = namespaces.string(k, 1) { raw.escaped(href, quoted: true) }
            raw.raw("\"")
        }
        if depth > 0, !frames[depth - 1].hasElements {
            // The parent has child elements, so its leading white space will be trimmed: drop it now.
            frames[depth - 1].hasElements = true
            let start = frames[depth - 1].textStart
            if text[start...].allSatisfy(XMLText.isASCIISpace) { text.removeSubrange(start...) }
        }
        if depth == frames.count {
            frames.append(Frame(name: entry, isEmpty: isEmpty, textStart: text.count))
        } else {
            frames[depth].name = entry
            frames[depth].isEmpty = isEmpty
            frames[depth].children.removeAll(keepingCapacity: true)
            frames[depth].textStart = text.count
            frames[depth].hasAttributes = false
            frames[depth].hasElements = false
        }
        let slot = depth
        depth += 1
        for k in 0..<attributes.count {
            let attrEntry = names.entry(attributes.pointer(k, 0))
            let value = try attributeValue(attributes.value(k), prefix: attributes.pointer(k, 1), name: attrEntry.bytes)
            frames[slot].children.append(Child(id: 0, key: attrEntry.attributeKey, first: .text(value)))
            frames[slot].hasAttributes = true
        }
        raw.raw(isEmpty ? "/>" : ">")
    }

    /// Text or CDATA content of the innermost open element.
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard depth > 0 else { return }
        raw.escaped(bytes, quoted: false)
        bytesTaken += bytes.count
        // Leading white space of an element with child elements is trimmed away anyway: skip the indentation
        // between child elements without copying it.
        let open = depth - 1
        if frames[open].hasElements && text.count == frames[open].textStart && bytes.allSatisfy(XMLText.isASCIISpace) { return }
        text.append(contentsOf: bytes)
    }

    /// A comment inside the record: kept in the raw text only.
    mutating func comment(_ content: UnsafePointer<xmlChar>?) {
        guard let content, depth > 0, !raw.isFull else { return }
        raw.raw("<!--")
        raw.raw(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        raw.raw("-->")
    }

    /// An element end. Returns the record's value when the record element closes.
    mutating func endElement(prefix: UnsafePointer<xmlChar>?) -> RawNode? {
        guard depth > 0 else { return nil }
        if !frames[depth - 1].isEmpty && !raw.isFull {
            raw.raw("</")
            writeQualifiedName(prefix: prefix, name: frames[depth - 1].name.bytes)
            raw.raw(">")
        }
        return finishElement()
    }

    /// The record's raw text so far (complete once the record element has closed).
    var rawText: String { raw.text() }

    private mutating func finishElement() -> RawNode? {
        guard depth > 0 else { return nil }
        depth -= 1
        let slot = depth
        let textStart = frames[slot].textStart
        let value: RawNode
        if !frames[slot].hasElements && !frames[slot].hasAttributes {
            value = .text(text.withUnsafeBufferPointer { XMLText.string(UnsafeBufferPointer(rebasing: $0[textStart...])) })
        } else {
            var pairs: [(key: String, value: RawNode)] = []
            pairs.reserveCapacity(frames[slot].children.count + 1)
            for child in frames[slot].children {
                pairs.append((key: child.key, value: child.more.isEmpty ? child.first : .list([child.first] + child.more)))
            }
            let hasElements = frames[slot].hasElements
            let ownText = text.withUnsafeBufferPointer { all in
                let own = UnsafeBufferPointer(rebasing: all[textStart...])
                return hasElements ? XMLText.trimmedString(own) : XMLText.string(own)
            }
            if !ownText.isEmpty { pairs.append((key: "#text", value: .text(ownText))) }
            value = .object(pairs)
        }
        text.removeSubrange(textStart...)
        guard depth > 0 else { return value }
        let parent = depth - 1
        frames[parent].hasElements = true
        let name = frames[slot].name
        if let k = frames[parent].children.firstIndex(where: { $0.id == name.id }) {
            frames[parent].children[k].more.append(value)
        } else {
            frames[parent].children.append(Child(id: name.id, key: name.name, first: value))
        }
        return nil
    }

    /// An attribute value as the SAX2 parser hands it over without entity substitution: character references and
    /// the predefined entities are already replaced, except `&` which stays as `&#38;`; any other `&name;` is an
    /// entity reference, refused.
    private mutating func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>, prefix: UnsafePointer<xmlChar>?, name: [UInt8]) throws -> String {
        bytesTaken += bytes.count
        guard bytes.contains(UInt8(ascii: "&")) else {
            writeAttribute(prefix: prefix, name: name, value: bytes)
            return XMLText.string(bytes)
        }
        scratch.removeAll(keepingCapacity: true)
        var k = 0
        while k < bytes.count {
            let byte = bytes[k]
            guard byte == UInt8(ascii: "&") else { scratch.append(byte); k += 1; continue }
            var end = k + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
            let reference = String(decoding: UnsafeBufferPointer(rebasing: bytes[(k + 1)..<min(end, bytes.count)]), as: UTF8.self)
            guard reference == "#38" else { throw EntityRefused(name: reference) }
            scratch.append(UInt8(ascii: "&"))
            k = end + 1
        }
        return scratch.withUnsafeBufferPointer { value in
            writeAttribute(prefix: prefix, name: name, value: value)
            return XMLText.string(value)
        }
    }

    private mutating func writeAttribute(prefix: UnsafePointer<xmlChar>?, name: [UInt8], value: UnsafeBufferPointer<UInt8>) {
        guard !raw.isFull else { return }
        raw.raw(" ")
        writeQualifiedName(prefix: prefix, name: name)
        raw.raw("=\"")
        raw.escaped(value, quoted: true)
        raw.raw("\"")
    }

    private mutating func writeQualifiedName(prefix: UnsafePointer<xmlChar>?, name: [UInt8]) {
        guard !raw.isFull else { return }
        if let prefix {
            raw.raw(UnsafeBufferPointer(start: prefix, count: Int(xmlStrlen(prefix))))
            raw.raw(":")
        }
        raw.raw(name)
    }
}
