/// Splits a raw request target into a percent-decoded path and form-decoded query items.
struct RequestTarget {
    let path: String
    let queryItems: [(name: String, value: String)]

    init(_ target: String) {
        let rawPath: Substring
        let rawQuery: Substring
        if let mark = target.firstIndex(of: "?") {
            rawPath = target[..<mark]
            rawQuery = target[target.index(after: mark)...]
        } else {
            rawPath = target[...]
            rawQuery = ""
        }
        path = Self.percentDecoded(rawPath, plusIsSpace: false)
        queryItems = rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return (
                    Self.percentDecoded(pair[..<equals], plusIsSpace: true),
                    Self.percentDecoded(pair[pair.index(after: equals)...], plusIsSpace: true)
                )
            }
            return (Self.percentDecoded(pair, plusIsSpace: true), "")
        }
    }

    /// Decodes `%XX` escapes (and `+` when asked). Malformed escapes are kept literally;
    /// invalid UTF-8 is repaired with U+FFFD.
    static func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String {
        let source = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "%"), index + 2 < source.count,
                let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
                continue
            }
            bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
