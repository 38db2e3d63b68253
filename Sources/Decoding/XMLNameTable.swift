import CLibXML2
import TextEncodings

/// Swift names for libxml2's dictionary-interned names, so each distinct element or attribute name becomes a
/// Swift `String` once per file instead of once per occurrence.
///
/// The SAX2 parser interns every local name and prefix in its dictionary: equal names share one pointer for the
/// life of the parser. A name is identified by that interned pointer (`id`), so names compare by integer. Names
/// given as Swift text (record paths) are interned through the same dictionary.
final class XMLNameTable {
    /// One distinct name. A class, so handing it around costs one reference count, not one per field.
    final class Entry {
        /// The local name's interned pointer: equal local names have equal ids (record paths match local names).
        let id: Int
        /// The key's identity: children with equal member ids are one repeated child. The `id` for a name in no
        /// namespace; its own for a qualified key.
        let memberID: Int
        /// The key: the local name (`ho_ten`), or `prefix:local` for a name in a namespace with a prefix.
        let name: String
        /// The attribute key (`@ho_ten`, `@p:ma`).
        let attributeKey: String
        /// The raw UTF-8 bytes of the local name, for raw text (the prefix is written from the event).
        let bytes: [UInt8]

        init(id: Int, memberID: Int? = nil, name: String, localBytes: [UInt8]? = nil) {
            self.id = id
            self.memberID = memberID ?? id
            self.name = name
            self.attributeKey = "@" + name
            self.bytes = localBytes ?? Array(name.utf8)
        }
    }

    /// A name in a namespace, by its interned pointers.
    private struct QualifiedName: Hashable {
        var local: UnsafeRawPointer?
        var prefix: UnsafeRawPointer?
        var uri: UnsafeRawPointer
    }

    private let dictionary: OpaquePointer?
    private var byPointer: [UnsafeRawPointer: Entry] = [:]
    /// A direct-mapped cache in front of `byPointer` (no hashing of the key, no exclusivity check): slot
    /// `cacheSlot(pointer)` holds the last name seen there. Entries are owned by `byPointer`.
    private static let cacheSize = 256
    private let cacheKeys: UnsafeMutablePointer<UnsafeRawPointer?>
    private let cacheEntries: UnsafeMutablePointer<Unmanaged<Entry>?>
    /// Fallback for a dictionary that refuses a lookup (out of memory): ids below zero.
    private var byString: [String: Entry] = [:]
    /// The id of each name (NFC): a name written decomposed in one place and composed in another is one name, with the
    /// id of its first interned spelling.
    private var idByName: [String: Int] = [:]
    /// The prefix the mapping gives each namespace URI (`input.namespaces`, inverted).
    private let prefixes: [String: String]
    /// The mapping's prefixes: reserved for their namespaces, whatever the document calls its own.
    private let boundPrefixes: Set<String>
    private var qualified: [QualifiedName: Entry] = [:]
    /// Each qualified key's namespace URI (a key never stands for two namespaces) and member id.
    private var qualifiedKeys: [String: (uri: String, memberID: Int)] = [:]
    /// Member ids of qualified keys count down from here, clear of pointers and of the fallback ids.
    private var nextMemberID = -(1 << 40)

    /// `dictionary` is the parser context's `dict`; `namespaces` maps the prefixes selectors use to namespace URIs
    /// (one prefix per URI: the loader and the command line refuse more).
    init(dictionary: OpaquePointer?, namespaces: [String: String] = [:]) {
        self.dictionary = dictionary
        self.prefixes = Dictionary(namespaces.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        self.boundPrefixes = Set(namespaces.keys)
        cacheKeys = .allocate(capacity: Self.cacheSize)
        cacheKeys.initialize(repeating: nil, count: Self.cacheSize)
        cacheEntries = .allocate(capacity: Self.cacheSize)
        cacheEntries.initialize(repeating: nil, count: Self.cacheSize)
    }

    deinit {
        cacheKeys.deallocate()
        cacheEntries.deallocate()
    }

    /// The entry for an interned name pointer handed to a SAX2 callback.
    @inline(__always)
    func entry(_ pointer: UnsafePointer<xmlChar>?) -> Entry {
        unmanagedEntry(pointer).takeUnretainedValue()
    }

    /// The entry, not retained: the table owns every entry for as long as it parses, so the SAX callbacks (called
    /// for every element) use it through `_withUnsafeGuaranteedRef` without a reference count each time.
    @inline(__always)
    func unmanagedEntry(_ pointer: UnsafePointer<xmlChar>?) -> Unmanaged<Entry> {
        guard let pointer else { return Unmanaged.passUnretained(fallback("")) }
        let key = UnsafeRawPointer(pointer)
        let slot = Self.cacheSlot(key)
        if cacheKeys[slot] == key, let hit = cacheEntries[slot] { return hit }
        let found = byPointer[key] ?? slowEntry(pointer)
        if found.id == Int(bitPattern: key) {  // only interned pointers: other memory may later hold another name
            cacheKeys[slot] = key
            cacheEntries[slot] = Unmanaged.passUnretained(found)
        }
        return Unmanaged.passUnretained(found)
    }

    /// The entry for a name as SAX2 reports it. In no namespace (`uri` nil): the local name. In a namespace:
    /// `prefix:local`, with the prefix the mapping binds to the URI, else the document's own prefix; a name in a
    /// default namespace the mapping does not bind keeps its local name, so documents with a default namespace read
    /// as if they had none.
    @inline(__always)
    func unmanagedEntry(_ local: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> Unmanaged<Entry> {
        guard let uri else { return unmanagedEntry(local) }
        let key = QualifiedName(local: local.map(UnsafeRawPointer.init), prefix: prefix.map(UnsafeRawPointer.init), uri: UnsafeRawPointer(uri))
        if let known = qualified[key] { return Unmanaged.passUnretained(known) }
        return Unmanaged.passUnretained(qualifiedEntry(key, local: local, prefix: prefix, uri: uri))
    }

    private func qualifiedEntry(
        _ key: QualifiedName, local: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>
    ) -> Entry {
        let base = unmanagedEntry(local).takeUnretainedValue()
        let namespace = String(cString: uri)
        let bound = prefixes[namespace]
        guard let qualifier = bound ?? prefix.map({ String(cString: $0) }) else {
            qualified[key] = base
            return base
        }
        var name = qualifier + ":" + base.name
        if (bound == nil && boundPrefixes.contains(qualifier)) || qualifiedKeys[name].map({ $0.uri != namespace }) == true {
            // The document uses the prefix for another namespace (one the mapping binds it to, or its own in another
            // scope): `{URI}local`, so the two are never read as one.
            name = "{" + namespace + "}" + base.name
        }
        let memberID = qualifiedKeys[name]?.memberID ?? {
            nextMemberID -= 1
            return nextMemberID
        }()
        qualifiedKeys[name] = (namespace, memberID)
        let entry = Entry(id: base.id, memberID: memberID, name: name, localBytes: base.bytes)
        qualified[key] = entry
        return entry
    }

    @inline(__always)
    private static func cacheSlot(_ key: UnsafeRawPointer) -> Int {
        Int(truncatingIfNeeded: (UInt(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 56)  // top 8 bits: 256 slots
    }

    /// The entry for a name given as Swift text (record paths from the options).
    func entry(named name: String) -> Entry {
        let interned: UnsafePointer<xmlChar>? = name.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlDictLookup(dictionary, $0, -1) }
        }
        guard let interned else { return fallback(name) }
        return entry(interned)
    }

    private func slowEntry(_ pointer: UnsafePointer<xmlChar>) -> Entry {
        // Callbacks hand out dictionary pointers; look up anything else so one name never gets two ids.
        guard let interned = xmlDictOwns(dictionary, pointer) == 1 ? pointer : xmlDictLookup(dictionary, pointer, -1) else {
            return fallback(String(cString: pointer))
        }
        if let hit = byPointer[UnsafeRawPointer(interned)] { return hit }
        let name = UnicodeNFC.normalize(String(cString: interned))  // names leave the decoder in NFC, as text does
        let id = idByName[name] ?? Int(bitPattern: UnsafeRawPointer(interned))
        idByName[name] = id
        let entry = Entry(id: id, name: name)
        byPointer[UnsafeRawPointer(interned)] = entry
        return entry
    }

    private func fallback(_ name: String) -> Entry {
        if let hit = byString[name] { return hit }
        let entry = Entry(id: -(byString.count + 1), name: name)
        byString[name] = entry
        return entry
    }
}
