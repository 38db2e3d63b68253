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
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                for k in 0..<x.count where x[k] != y[k] {
                    let lower = x[k] | 0x20
                    guard lower == y[k] | 0x20, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return false }
                }
                return true
            }
        }
    }
}
