/// One HTTP header field. Header lists keep their order; names compare case-insensitively on lookup.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTPHeader {
    /// The value of the first header called `name`, compared case-insensitively.
    public func first(named name: String) -> String? {
        first { HTTPHeader.namesMatch($0.name, name) }?.value
    }
}

extension HTTPHeader {
    /// Header names compare as ASCII without case (RFC 9110 §5.1), byte by byte: no lower-cased copies per lookup.
    static func namesMatch(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8) { x, y in
            x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= UInt8(ascii: "a") && (x | 0x20) <= UInt8(ascii: "z"))
        }
    }
}
