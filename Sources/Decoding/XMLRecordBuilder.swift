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

    private struct Frame {
        /// The element's name, for attaching it to its parent and closing its raw text. Not reference counted: the
        /// name table owns its entries for as long as it parses.
        unowned(unsafe) var name: XMLNameTable.Entry
        /// The name's id and local name, copied from `name`: read on every element end without touching the entry's
        /// reference count.
        var nameID: Int
        var nameKey: String
        /// Written `<name/>` in the source.
        var isEmpty: Bool
        /// The object's members so far: attributes, then child elements (a repeated child's value is a `.list`).
        var members: [(key: String, value: RawNode)] = []
        /// The name id of each member, parallel to `members`; 0 for attributes (never looked up).
        var ids: [Int] = []
        /// Where this element's own text starts in `text`.
        var textStart: Int
        var hasAttributes = false
        var hasElements = false
    }

    private var names: XMLNameTable
    /// Open elements are `frames[0..<depth]`; slots up to `framesInitialized` stay initialized so their arrays'
    /// capacity is reused. Raw storage (no uniqueness check per access), freed by `deallocate()`.
    private var frames: UnsafeMutablePointer<Frame>
    private var framesInitialized = 0
    private var framesCapacity = 16
    private var depth = 0
    /// Own text of the open elements, innermost last (a stack of byte runs): `text[0..<textCount]`. Raw storage,
    /// freed by `deallocate()`: appends and pops are a copy and a store.
    private var text: UnsafeMutablePointer<UInt8>
    private var textCount = 0
    private var textCapacity = 4096
    private var scratch: [UInt8] = []
    private(set) var raw: XMLRawTextWriter
    /// Text and attribute bytes taken in since `begin()`, for the record size limit.
    private(set) var bytesTaken = 0
    /// The record's raw text is re-serialised into `raw` (it cannot be taken from the source as it is).
    private var writesRaw = true

    init(names: XMLNameTable, rawTextLimit: Int = 4096) {
        self.names = names
        self.raw = XMLRawTextWriter(limit: rawTextLimit)
        text = .allocate(capacity: textCapacity)
        frames = .allocate(capacity: framesCapacity)
    }

    /// Frees the storage; the builder is unusable afterwards.
    func deallocate() {
        text.deallocate()
        frames.deinitialize(count: framesInitialized)
        frames.deallocate()
    }

    /// Uses `names` (a new parser's dictionary) from now on.
    mutating func use(names: XMLNameTable) { self.names = names }

    /// The own text from `start` on.
    @inline(__always)
    private func ownText(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text + start, count: textCount - start)
    }

    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if textCount + bytes.count > textCapacity {
            let capacity = max(2 * textCapacity, textCount + bytes.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: text, count: textCount)
            text.deallocate()
            text = grown
            textCapacity = capacity
        }
        (text + textCount).update(from: source, count: bytes.count)
        textCount += bytes.count
    }

    /// Starts a new record (the next `startElement` is its element); `reserialising` when its raw text must be
    /// rebuilt from the events.
    mutating func begin(reserialising: Bool) {
        depth = 0
        textCount = 0
        raw.reset()
        writesRaw = reserialising
        bytesTaken = 0
    }

    /// An element start (SAX2 `startElementNs` arguments); `isEmpty` when written `<name/>`.
    mutating func startElement(
        _ entry: XMLNameTable.Entry, prefix: UnsafePointer<xmlChar>?, isEmpty: Bool,
        namespaces: XMLSAXArguments, attributes: XMLSAXArguments
    ) throws {
        if writesRaw { writeStartTag(prefix: prefix, name: entry.bytes, namespaces: namespaces) }
        if depth > 0, !frames[depth - 1].hasElements {
            // The parent has child elements, so its leading white space will be trimmed: drop it now.
            frames[depth - 1].hasElements = true
            let start = frames[depth - 1].textStart
            if ownText(from: start).allSatisfy(XMLText.isASCIISpace) { textCount = start }
        }
        if depth == framesInitialized {
            if framesInitialized == framesCapacity {
                let grown = UnsafeMutablePointer<Frame>.allocate(capacity: 2 * framesCapacity)
                grown.moveInitialize(from: frames, count: framesInitialized)
                frames.deallocate()
                frames = grown
                framesCapacity *= 2
            }
            (frames + depth).initialize(to: Frame(name: entry, nameID: entry.memberID, nameKey: entry.name, isEmpty: isEmpty, textStart: textCount))
            framesInitialized += 1
        } else {
            frames[depth].name = entry
            frames[depth].nameID = entry.memberID
            frames[depth].nameKey = entry.name
            frames[depth].isEmpty = isEmpty
            if !frames[depth].ids.isEmpty {
                // The last object built here still holds the old array: this allocates one of the same capacity.
                frames[depth].members.removeAll(keepingCapacity: true)
                frames[depth].ids.removeAll(keepingCapacity: true)
            }
            frames[depth].textStart = textCount
            frames[depth].hasAttributes = false
            frames[depth].hasElements = false
        }
        let slot = depth
        depth += 1
        for k in 0..<attributes.count {
            let name = names.unmanagedEntry(attributes.pointer(k, 0), prefix: attributes.pointer(k, 1), uri: attributes.pointer(k, 2))
            let (key, value) = try name._withUnsafeGuaranteedRef { attribute in
                (attribute.attributeKey, try attributeValue(attributes.value(k), prefix: attributes.pointer(k, 1), name: attribute.bytes))
            }
            frames[slot].members.append((key: key, value: .text(value)))
            frames[slot].ids.append(0)
            frames[slot].hasAttributes = true
        }
        if writesRaw { raw.raw(isEmpty ? "/>" : ">") }
    }

    /// Text or CDATA content of the innermost open element.
    @inline(__always)
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard depth > 0 else { return }
        if writesRaw { raw.escaped(bytes, quoted: false) }
        bytesTaken += bytes.count
        // Leading white space of an element with child elements is trimmed away anyway: skip the indentation
        // between child elements without copying it.
        let open = depth - 1
        if frames[open].hasElements && textCount == frames[open].textStart && bytes.allSatisfy(XMLText.isASCIISpace) { return }
        appendText(bytes)
    }

    /// A comment inside the record: kept in the raw text only.
    mutating func comment(_ content: UnsafePointer<xmlChar>?) {
        guard writesRaw, let content, depth > 0, !raw.isFull else { return }
        raw.raw("<!--")
        raw.raw(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        raw.raw("-->")
    }

    /// An element end. Returns the record's value when the record element closes.
    mutating func endElement(prefix: UnsafePointer<xmlChar>?) -> RawNode? {
        guard depth > 0 else { return nil }
        if writesRaw && !frames[depth - 1].isEmpty && !raw.isFull {
            raw.raw("</")
            writeQualifiedName(prefix: prefix, name: frames[depth - 1].name.bytes)
            raw.raw(">")
        }
        return finishElement()
    }

    private mutating func finishElement() -> RawNode? {
        guard depth > 0 else { return nil }
        depth -= 1
        let slot = depth
        let textStart = frames[slot].textStart
        let value: RawNode
        if !frames[slot].hasElements && !frames[slot].hasAttributes {
            value = .text(XMLText.string(ownText(from: textStart)))
        } else {
            let hasElements = frames[slot].hasElements
            let own = hasElements ? XMLText.trimmedString(ownText(from: textStart)) : XMLText.string(ownText(from: textStart))
            if !own.isEmpty { frames[slot].members.append((key: "#text", value: .text(own))) }
            value = .object(frames[slot].members)
        }
        textCount = textStart
        guard depth > 0 else { return value }
        let parent = depth - 1
        frames[parent].hasElements = true
        let nameID = frames[slot].nameID
        if let k = frames[parent].ids.firstIndex(of: nameID) {
            // A repeated child: element values are never lists, so a list here is this child's repeats.
            if case .list(var items) = frames[parent].members[k].value {
                frames[parent].members[k].value = .null
                items.append(value)
                frames[parent].members[k].value = .list(items)
            } else {
                frames[parent].members[k].value = .list([frames[parent].members[k].value, value])
            }
        } else {
            frames[parent].members.append((key: frames[slot].nameKey, value: value))
            frames[parent].ids.append(nameID)
        }
        return nil
    }

    /// An attribute value as the SAX2 parser hands it over without entity substitution: character references and
    /// the predefined entities are already replaced, except `&` which stays as `&#38;`; any other `&name;` is an
    /// entity reference, refused.
    private mutating func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>, prefix: UnsafePointer<xmlChar>?, name: [UInt8]) throws -> String {
        bytesTaken += bytes.count
        guard bytes.contains(UInt8(ascii: "&")) else {
            if writesRaw { writeAttribute(prefix: prefix, name: name, value: bytes) }
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
            if writesRaw { writeAttribute(prefix: prefix, name: name, value: value) }
            return XMLText.string(value)
        }
    }

    private mutating func writeStartTag(prefix: UnsafePointer<xmlChar>?, name: [UInt8], namespaces: XMLSAXArguments) {
        raw.raw("<")
        writeQualifiedName(prefix: prefix, name: name)
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
