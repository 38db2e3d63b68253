import Domain

/// JSON text of a raw record as the decoder saw it (what `lienthong decode` prints).
enum RawNodeJSON {
    static func json(_ node: RawNode) -> String {
        switch node {
        case .null: return "null"
        case .text(let text): return JSONText.quote(text)
        case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { JSONText.quote($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func json(_ location: SourceLocation) -> String {
        var parts = ["\"file\":" + JSONText.quote(location.file)]
        if let line = location.line { parts.append("\"line\":\(line)") }
        if let column = location.column { parts.append("\"column\":\(column)") }
        if let offset = location.byteOffset { parts.append("\"byteOffset\":\(offset)") }
        if let pointer = location.pointer { parts.append("\"pointer\":" + JSONText.quote(pointer)) }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
