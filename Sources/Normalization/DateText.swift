import Domain

/// The lexical side of date parsing: turns the text of a date into digit groups, by hand over UTF-8 bytes
/// (no DateFormatter: it parses ~14k dates/s; this parses millions).
struct DateText {
    /// A run of ASCII digits: its value and how many digits were written (`09` → value 9, length 2).
    struct Part: Equatable {
        var value: Int
        var length: Int
    }

    var parts: [Part] = []
    /// The separator byte before each part after the first (`/`, `-`, `.` or a space).
    var separators: [UInt8] = []
    /// A time of day that followed the date (`1987-03-09T08:30:00`, `09/03/1987 00:00:00`), as written.
    var time: Substring?

    /// Splits `text` into digit groups. Returns nil when it holds anything but digits, the separators
    /// `/ - .` and spaces, a trailing time of day, and (in the Vietnamese long form) the words
    /// "ngày", "tháng", "năm".
    init?(_ text: String) {
        var body = Substring(text)
        if body.utf8.contains(UInt8(ascii: ":")), let colon = body.firstIndex(of: ":") {
            guard let cut = body[..<colon].lastIndex(where: { $0 == " " || $0 == "T" }) else { return nil }
            time = body[body.index(after: cut)...]
            body = body[..<cut]
        }
        if body.utf8.contains(where: { $0 >= 0x80 || Self.isASCIILetter($0) }) {
            guard let spelled = Self.removingDateWords(body) else { return nil }
            body = Substring(spelled)
        }
        var current: Part?
        var pendingSeparator: UInt8?
        for byte in body.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if current == nil {
                    if !parts.isEmpty {
                        guard let separator = pendingSeparator else { return nil }
                        separators.append(separator)
                    }
                    pendingSeparator = nil
                    current = Part(value: 0, length: 0)
                }
                guard var part = current, part.length < 9 else { return nil }
                part.value = part.value * 10 + Int(byte - UInt8(ascii: "0"))
                part.length += 1
                current = part
            case UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "\t"):
                if let part = current {
                    parts.append(part)
                    current = nil
                }
                guard !parts.isEmpty else {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
                    return nil
                }
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                    guard pendingSeparator == nil || pendingSeparator == UInt8(ascii: " ") else { return nil }
                    pendingSeparator = byte
                } else if pendingSeparator == nil {
                    pendingSeparator = byte
                }
            default:
                return nil
            }
        }
        if let part = current { parts.append(part) }
        guard !parts.isEmpty else { return nil }
        if let separator = pendingSeparator, separator != UInt8(ascii: " "), separator != UInt8(ascii: "\t") {
            return nil  // a date ending in "/" or "-"
        }
    }

    /// True when the time of day is absent or midnight (`00:00`, `00:00:00.000`, `T00:00:00Z`).
    var timeIsMidnight: Bool {
        guard let time else { return true }
        return time.allSatisfy { $0 == "0" || $0 == ":" || $0 == "." || $0 == "Z" || $0 == "z" }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// "Ngày 09 tháng 03 năm 1987" → "09 / 03 / 1987"; nil when other words remain.
    private static func removingDateWords(_ text: Substring) -> String? {
        let folded = VietnameseScalars.fold(VietnameseOrthography.canonicalText(String(text)))
        var output: [Substring] = []
        for word in folded.split(separator: " ") {
            switch word {
            case "ngay": continue
            case "thang", "nam": if !output.isEmpty { output.append("/") }
            default:
                guard !word.utf8.contains(where: isASCIILetter) else { return nil }
                output.append(word)
            }
        }
        return output.joined(separator: " ")
    }
}
