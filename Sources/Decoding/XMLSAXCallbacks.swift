import CLibXML2

/// The C callbacks handed to libxml2's SAX2 parser. Non-capturing closures, so they convert to C function
/// pointers; each finds its `XMLRecordReader` through the parser context's `_private` (libxml2 copies it to the
/// sub-contexts it makes while checking entity content, and the XSD validator's plug passes the context through).
///
/// Everything not set here keeps libxml2's SAX2 default (document start, internal subset and entity declarations,
/// entity lookup): those defaults expect the parser context as their user data, so the parser is created with
/// none and the context is its own user data.
enum XMLSAXCallbacks {
    /// libxml2's SAX2 handler with our element, text, comment, reference and error callbacks; libxml2's printing
    /// error callbacks removed.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        xmlSAXVersion(&handler, 2)
        handler.startElementNs = startElement
        handler.endElementNs = endElement
        handler.startElement = nil
        handler.endElement = nil
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.comment = comment
        handler.reference = reference
        handler.processingInstruction = nil
        handler.warning = nil
        handler.error = nil
        handler.fatalError = nil
        handler.serror = parserError
        return handler
    }

    @inline(__always)
    static func reader(_ context: UnsafeMutableRawPointer?) -> XMLRecordReader? {
        guard let context else { return nil }
        return reader(context.assumingMemoryBound(to: xmlParserCtxt.self))
    }

    @inline(__always)
    static func reader(_ parser: UnsafeMutablePointer<xmlParserCtxt>) -> XMLRecordReader? {
        guard let owner = parser.pointee._private else { return nil }
        return Unmanaged<XMLRecordReader>.fromOpaque(owner).takeUnretainedValue()
    }

    /// Calls `body` with the reader, without retaining it (the reader outlives its parse) — for the per-event
    /// callbacks.
    @inline(__always)
    static func withReader(_ context: UnsafeMutableRawPointer?, _ body: (XMLRecordReader) -> Void) {
        guard let owner = context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
        Unmanaged<XMLRecordReader>.fromOpaque(owner)._withUnsafeGuaranteedRef(body)
    }

    static let startElement: startElementNsSAX2Func = { context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
        guard let context else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        // SAX2 reports `<a/>` as start + end; the parser stops on "/>" when it calls back for an empty element.
        var isEmpty = false
        if let cursor = parser.pointee.input?.pointee.cur, cursor[0] == UInt8(ascii: "/"), cursor[1] == UInt8(ascii: ">") { isEmpty = true }
        withReader(context) { reader in
            reader.startElement(
                localName, prefix: prefix, uri: uri, isEmpty: isEmpty, context: context,
                namespaces: XMLSAXArguments(base: namespaces, count: Int(namespaceCount), stride: 2),
                attributes: XMLSAXArguments(base: attributes, count: Int(attributeCount), stride: 5))
        }
    }

    static let endElement: endElementNsSAX2Func = { context, _, prefix, _ in
        withReader(context) { $0.endElement(prefix: prefix) }
    }

    static let characters: charactersSAXFunc = { context, bytes, length in
        guard let bytes, length > 0 else { return }
        withReader(context) { $0.characters(UnsafeBufferPointer(start: bytes, count: Int(length))) }
    }

    static let comment: commentSAXFunc = { context, text in
        reader(context)?.comment(text)
    }

    static let reference: referenceSAXFunc = { context, name in
        // Also called while libxml2 checks an entity's replacement text in a sub-context: the line that matters is
        // the document's, which the reader takes from its own parser.
        reader(context)?.entityReference(name.map { String(cString: $0) } ?? "", line: nil)
    }

    /// Parser errors: the error names its parser context, whose `_private` is the reader.
    static let parserError: xmlStructuredErrorFunc = { _, error in
        guard let error, let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
        reader(parser)?.collector.record(error.pointee)
    }
}
