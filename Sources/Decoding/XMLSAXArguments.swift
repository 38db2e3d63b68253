import CLibXML2

/// A view of the `const xmlChar **` arrays SAX2's `startElementNs` hands over: `count` groups of `stride`
/// pointers — (prefix, URI) pairs for namespaces, (local name, prefix, URI, value start, value end) for attributes.
struct XMLSAXArguments {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int
    let stride: Int

    /// Pointer `field` of group `k`.
    @inline(__always)
    func pointer(_ k: Int, _ field: Int) -> UnsafePointer<xmlChar>? {
        base?[k * stride + field]
    }

    /// Pointer `field` of group `k` as the bytes of a NUL-terminated string, or nil.
    func string(_ k: Int, _ field: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let text = pointer(k, field) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text)))
    }

    /// An attribute's value: the bytes between fields 3 (start) and 4 (end), not NUL-terminated.
    func value(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        guard let start = pointer(k, 3), let end = pointer(k, 4), end >= start else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: start, count: end - start)
    }
}
