import CLibXML2

/// Swift names for libxml2's dictionary-interned names, so each distinct element or attribute name becomes a
/// Swift `String` once per file instead of once per occurrence.
///
/// libxml2's reader interns names in its dictionary: equal names share one pointer for the life of the reader.
/// A name is identified by that interned pointer (`id`), so names compare by integer. A pointer the dictionary
/// does not own is mapped to its interned twin through `xmlTextReaderConstString` (never cached by its own
/// address, which could be reused for another name later).
final class XMLNameTable {
    /// One distinct name.
    struct Entry {
        /// The interned pointer's address: equal names have equal ids.
        var id: Int
        /// The local name (`ho_ten`).
        var name: String
        /// The attribute key (`@ho_ten`).
        var attributeKey: String
        /// The raw UTF-8 bytes of the name, for raw text.
        var bytes: [UInt8]
    }

    private let reader: OpaquePointer
    private var byPointer: [UnsafeRawPointer: Entry] = [:]
    /// Fallback for a dictionary that refuses a lookup (out of memory): ids below zero.
    private var byString: [String: Entry] = [:]

    init(reader: OpaquePointer) {
        self.reader = reader
    }

    /// The entry for a name pointer from the reader (`xmlTextReaderConstLocalName`, `node.name`, `attr.name`).
    @inline(__always)
    func entry(_ pointer: UnsafePointer<xmlChar>?) -> Entry {
        guard let pointer else { return slowEntry(nil) }
        if let hit = byPointer[UnsafeRawPointer(pointer)] { return hit }
        return slowEntry(pointer)
    }

    /// The entry for a name given as Swift text (record paths from the options).
    func entry(named name: String) -> Entry {
        let interned = name.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlTextReaderConstString(reader, $0) }
        }
        guard let interned else { return fallback(name) }
        return entry(interned)
    }

    private func slowEntry(_ pointer: UnsafePointer<xmlChar>?) -> Entry {
        guard let pointer else { return fallback("") }
        guard let interned = xmlTextReaderConstString(reader, pointer) else {
            return fallback(String(cString: pointer))
        }
        if let hit = byPointer[UnsafeRawPointer(interned)] { return hit }
        let name = String(cString: interned)
        let entry = Entry(id: Int(bitPattern: UnsafeRawPointer(interned)), name: name, attributeKey: "@" + name, bytes: Array(name.utf8))
        byPointer[UnsafeRawPointer(interned)] = entry
        return entry
    }

    private func fallback(_ name: String) -> Entry {
        if let hit = byString[name] { return hit }
        let entry = Entry(id: -(byString.count + 1), name: name, attributeKey: "@" + name, bytes: Array(name.utf8))
        byString[name] = entry
        return entry
    }
}
