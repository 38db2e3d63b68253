import CLibXML2
import Domain

/// Builds one record's `RawNode` (and its capped raw text) from xmlTextReader events, without expanding the
/// record into a libxml2 tree.
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
        /// The element's name id and local name, for attaching it to its parent.
        var id: Int
        var key: String
        var nameBytes: [UInt8]
        var children: [Child] = []
        /// Where this element's own text starts in `text`.
        var textStart: Int
        var hasAttributes = false
        var hasElements = false
    }

    private let names: XMLNameTable
    private var frames: [Frame] = []
    /// Own text of the open elements, innermost last (a stack of byte runs).
    private var text: [UInt8] = []
    private var scratch: [UInt8] = []
    private(set) var raw: XMLRawTextWriter

    init(names: XMLNameTable, rawTextLimit: Int = 4096) {
        self.names = names
        self.raw = XMLRawTextWriter(limit: rawTextLimit)
    }

    /// Starts a new record (the next `startElement` is its element).
    mutating func begin() {
        frames.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        raw.reset()
    }

    /// An element start. Returns the record's value when this is the record element itself and it is empty.
    mutating func startElement(_ node: xmlNodePtr, isEmpty: Bool) throws -> RawNode? {
        let entry = names.entry(node.pointee.name)
        raw.raw("<")
        writeQualifiedName(prefix: node.pointee.ns?.pointee.prefix, name: entry.bytes)
        var namespace = node.pointee.nsDef
        while let ns = namespace {
            raw.raw(" xmlns")
            if let prefix = ns.pointee.prefix {
                raw.raw(":")
                raw.raw(UnsafeBufferPointer(start: prefix, count: Int(xmlStrlen(prefix))))
            }
            raw.raw("=\"")
            if let href = ns.pointee.href { raw.escaped(UnsafeBufferPointer(start: href, count: Int(xmlStrlen(href))), quoted: true) }
            raw.raw("\"")
            namespace = ns.pointee.next
        }
        var frame = Frame(id: entry.id, key: entry.name, nameBytes: entry.bytes, textStart: text.count)
        var attribute = node.pointee.properties
        while let attr = attribute {
            let attrEntry = names.entry(attr.pointee.name)
            let value = try attributeValue(attr, name: attrEntry.bytes)
            frame.children.append(Child(id: 0, key: attrEntry.attributeKey, first: .text(value)))
            frame.hasAttributes = true
            attribute = attr.pointee.next
        }
        if isEmpty {
            raw.raw("/>")
            frames.append(frame)
            return finishElement()
        }
        raw.raw(">")
        frames.append(frame)
        return nil
    }

    /// Text or CDATA content of the innermost open element.
    mutating func characters(_ content: UnsafePointer<xmlChar>?) {
        guard let content, !frames.isEmpty else { return }
        let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
        text.append(contentsOf: bytes)
        raw.escaped(bytes, quoted: false)
    }

    /// A comment inside the record: kept in the raw text only.
    mutating func comment(_ content: UnsafePointer<xmlChar>?) {
        guard let content, !frames.isEmpty, !raw.isFull else { return }
        raw.raw("<!--")
        raw.raw(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        raw.raw("-->")
    }

    /// An element end. Returns the record's value when the record element closes.
    mutating func endElement(_ node: xmlNodePtr) -> RawNode? {
        guard let open = frames.last else { return nil }
        if !raw.isFull {
            raw.raw("</")
            writeQualifiedName(prefix: node.pointee.ns?.pointee.prefix, name: open.nameBytes)
            raw.raw(">")
        }
        return finishElement()
    }

    /// The record's raw text so far (complete once the record element has closed).
    var rawText: String { raw.text() }

    private mutating func finishElement() -> RawNode? {
        guard let frame = frames.popLast() else { return nil }
        let value: RawNode = text.withUnsafeBufferPointer { all in
            let own = UnsafeBufferPointer(rebasing: all[frame.textStart..<all.count])
            if !frame.hasElements && !frame.hasAttributes { return .text(XMLText.string(own)) }
            var pairs: [(key: String, value: RawNode)] = []
            pairs.reserveCapacity(frame.children.count + 1)
            for child in frame.children {
                pairs.append((key: child.key, value: child.more.isEmpty ? child.first : .list([child.first] + child.more)))
            }
            let ownText = frame.hasElements ? XMLText.trimmedString(own) : XMLText.string(own)
            if !ownText.isEmpty { pairs.append((key: "#text", value: .text(ownText))) }
            return .object(pairs)
        }
        text.removeSubrange(frame.textStart...)
        guard !frames.isEmpty else { return value }
        let parent = frames.count - 1
        frames[parent].hasElements = true
        if let k = frames[parent].children.firstIndex(where: { $0.id == frame.id }) {
            frames[parent].children[k].more.append(value)
        } else {
            frames[parent].children.append(Child(id: frame.id, key: frame.key, first: value))
        }
        return nil
    }

    private mutating func attributeValue(_ attr: xmlAttrPtr, name: [UInt8]) throws -> String {
        let first = attr.pointee.children
        if let only = first, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE {
            let bytes = only.pointee.content.map { UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0))) }
                ?? UnsafeBufferPointer(start: nil, count: 0)
            writeAttribute(attr, name: name, value: bytes)
            return XMLText.string(bytes)
        }
        scratch.removeAll(keepingCapacity: true)
        var child = first
        while let c = child {
            if c.pointee.type == XML_ENTITY_REF_NODE || c.pointee.type == XML_ENTITY_NODE {
                throw EntityRefused(name: c.pointee.name.map { String(cString: $0) } ?? "")
            }
            if let content = c.pointee.content {
                scratch.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            child = c.pointee.next
        }
        return scratch.withUnsafeBufferPointer { bytes in
            writeAttribute(attr, name: name, value: bytes)
            return XMLText.string(bytes)
        }
    }

    private mutating func writeAttribute(_ attr: xmlAttrPtr, name: [UInt8], value: UnsafeBufferPointer<UInt8>) {
        guard !raw.isFull else { return }
        raw.raw(" ")
        writeQualifiedName(prefix: attr.pointee.ns?.pointee.prefix, name: name)
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
