import CLibXML2

/// Start lines of record elements, including past line 65535.
///
/// libxml2 stores a node's line in 16 bits: elements past line 65534 all read 65535. With `XML_PARSE_BIG_LINES`
/// text nodes keep the full line (where the text ended) in `psvi`. The text just before an element, usually the
/// indentation, ends on the line where the element starts, so the last text seen gives the start line of an
/// element whose own line is saturated (exact for indented or one-per-line files; a start tag split over lines
/// after that text would make it early).
struct XMLLineTracker {
    static let saturated = 65535
    private var lastTextLine = 0

    /// Notes a text node the reader passed.
    @inline(__always)
    mutating func sawText(_ node: xmlNodePtr) {
        let line = Int(node.pointee.line)
        if line < Self.saturated {
            lastTextLine = line
        } else if let big = node.pointee.psvi {
            lastTextLine = Int(bitPattern: big)
        }
    }

    /// The 1-based start line of an element at a reader element event (0 when unknown).
    func line(ofElement node: xmlNodePtr) -> Int {
        let line = Int(node.pointee.line)
        return line < Self.saturated ? line : max(lastTextLine, Self.saturated)
    }
}
