import Domain
import Foundation

/// Small, allocation-light formatting helpers (no Foundation formatters on the hot path).
enum TextFormatting {
    /// `7` → `"0007"` for width 4.
    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        let missing = width - text.utf8.count
        return missing > 0 ? String(repeating: "0", count: missing) + text : text
    }

    /// `dd/MM/yyyy`.
    static func dayMonthYear(day: Int, month: Int, year: Int) -> String {
        padded(day, width: 2) + "/" + padded(month, width: 2) + "/" + String(year)
    }

    /// `yyyy-MM-dd`.
    static func iso(day: Int, month: Int, year: Int) -> String {
        String(year) + "-" + padded(month, width: 2) + "-" + padded(day, width: 2)
    }

    /// `1234` tenths → `"123.4"`.
    static func tenths(_ value: Int) -> String { String(value / 10) + "." + String(value % 10) }

    /// Escapes `&`, `<`, `>`, `"` for XML text and attribute values.
    static func xml(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A JSON string literal, quotes included.
    static func json(_ text: String) -> String { JSONText.quote(text) }

    /// A CSV field per RFC 4180: quoted when it holds `,`, `"` or a line break.
    static func csv(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Canonical decomposition (NFD), as some registry software stores Vietnamese.
    static func nfd(_ text: String) -> String { text.decomposedStringWithCanonicalMapping }

    /// Removes tone and vowel marks and maps đ/Đ to d/D, keeping case: "Nguyễn Đức" → "Nguyen Duc".
    static func withoutDiacritics(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0110: scalars.append("D")
            case 0x0111: scalars.append("d")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
