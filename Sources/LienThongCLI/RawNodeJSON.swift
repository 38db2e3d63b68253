import Domain

/// JSON text of a record's location (what `lienthong decode` prints beside `RawNode.jsonText`).
enum RawNodeJSON {
    static func json(_ location: SourceLocation) -> String {
        var parts = ["\"file\":" + JSONText.quote(location.file)]
        if let line = location.line { parts.append("\"line\":\(line)") }
        if let column = location.column { parts.append("\"column\":\(column)") }
        if let offset = location.byteOffset { parts.append("\"byteOffset\":\(offset)") }
        if let pointer = location.pointer { parts.append("\"pointer\":" + JSONText.quote(pointer)) }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
