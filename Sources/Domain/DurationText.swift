import Foundation

/// A duration written the way operators write one: a number and a unit, optionally repeated —
/// `90s`, `15m`, `36h`, `7d`, `2w`, `1h30m`. Used by `--older-than` and by schedule intervals.
public enum DurationText {
    /// Seconds per unit letter.
    static let units: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// The duration in seconds, or nil when the text is not a positive duration in this notation.
    public static func seconds(_ text: String) -> Int? {
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = units[character], let value = Int(digits) {
                let (product, overflow) = value.multipliedReportingOverflow(by: unit)
                guard !overflow, total <= Int.max - product else { return nil }
                total += product
                digits = ""
                sawUnit = true
            } else {
                return nil
            }
        }
        guard digits.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }

    /// The RFC 3339 UTC time `seconds` before `now` (the format the store's timestamps use, so that the two
    /// compare as text).
    public static func time(_ seconds: Int, before now: Date = Date()) -> String {
        Clock.text(now.addingTimeInterval(-Double(seconds)))
    }
}
