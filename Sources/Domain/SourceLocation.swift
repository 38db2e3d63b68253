/// Where a raw record or a diagnostic comes from: a file (or URL) plus a position in it.
///
/// `line` and `column` are 1-based. `pointer` names a record inside a structured document:
/// a JSON pointer (`/3/owner`) or an XPath-like path (`/dan_cu/cong_dan[12]`).
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var byteOffset: Int?
    public var pointer: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, pointer: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.pointer = pointer
    }

    /// `file:line:column` in the compiler convention, omitting what is unknown.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let pointer { text += " (\(pointer))" }
        return text
    }
}
