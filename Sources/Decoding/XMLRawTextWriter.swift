/// Re-serialises a record from reader events into its `rawText` (shown for quarantined records), capped at
/// `limit` bytes plus "…". Used only when the record's source bytes cannot be taken as they are
/// (`XMLInputWindow`): input libxml2 transcoded (UTF-16, a declared or forced non-UTF-8 encoding).
///
/// The output is the record as libxml2 parsed it: qualified names, namespace declarations on the record's
/// elements, attributes with `&quot;`-style escapes, text with `&lt;`/`&gt;`/`&amp;`, CDATA folded into text,
/// comments kept; entity and character references appear expanded. Writing stops at the cap, so a huge record
/// costs no more than `limit` bytes.
struct XMLRawTextWriter {
    let limit: Int
    private(set) var bytes: [UInt8] = []
    private(set) var truncated = false

    init(limit: Int = 4096) {
        self.limit = limit
        bytes.reserveCapacity(limit + 8)
    }

    /// True once the cap is reached: callers may skip work that would only feed this writer.
    var isFull: Bool { truncated }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        truncated = false
    }

    /// Appends bytes as they are.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends bytes as they are.
    mutating func raw(_ part: UnsafeBufferPointer<UInt8>) { append(part) }

    /// Appends bytes as they are.
    mutating func raw(_ part: [UInt8]) { part.withUnsafeBufferPointer { append($0) } }

    /// Appends text content, escaping `<`, `>`, `&` and (in attribute values, `quoted`) `"`, CR, LF and TAB.
    mutating func escaped(_ text: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        var runStart = 0
        for k in 0..<text.count {
            let byte = text[k]
            guard byte < 0x3F else { continue }  // every byte that needs escaping is below '?'
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\"") where quoted: replacement = "&quot;"
            case 0x0A where quoted: replacement = "&#10;"
            case 0x0D: replacement = "&#13;"
            case 0x09 where quoted: replacement = "&#9;"
            default: continue
            }
            if k > runStart { append(UnsafeBufferPointer(rebasing: text[runStart..<k])) }
            raw(replacement)
            runStart = k + 1
            if truncated { return }
        }
        if text.count > runStart { append(UnsafeBufferPointer(rebasing: text[runStart..<text.count])) }
    }

    /// The text so far, cut on a UTF-8 boundary, with "…" when capped.
    func text() -> String { String(decoding: output(), as: UTF8.self) }

    /// The bytes so far, cut on a UTF-8 boundary, with "…" when capped.
    func output() -> [UInt8] {
        guard truncated else { return bytes }
        return Array(bytes[0..<Self.characterBoundary(in: bytes, atOrBefore: min(bytes.count, limit))]) + Array("…".utf8)
    }

    /// The largest cut `≤ end` of UTF-8 `bytes` that does not split a character.
    static func characterBoundary(in bytes: [UInt8], atOrBefore end: Int) -> Int {
        var lead = end
        while lead > 0, bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        if lead > 0, bytes[lead - 1] >= 0xC0 {  // the last sequence starts at lead - 1: keep it only if complete
            let first = bytes[lead - 1]
            let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
            if lead - 1 + length > end { return lead - 1 }
        }
        return end
    }

    @inline(__always)
    private mutating func append(_ part: UnsafeBufferPointer<UInt8>) {
        guard !truncated else { return }
        let room = limit - bytes.count
        if part.count == 1, room > 0, let byte = part.first {
            bytes.append(byte)  // "<", ">": cheaper than a bulk append
        } else if part.count <= room {
            bytes.append(contentsOf: part)
        } else {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: part[0..<max(room, 0)]))
            truncated = true
        }
    }
}
