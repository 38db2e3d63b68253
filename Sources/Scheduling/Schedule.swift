import Domain
import Foundation

/// When a source's sync job runs: on a cron expression's wall-clock times, or every fixed number of seconds
/// counted from the previous run's scheduled time (from the first run's start for a source that never ran).
public enum Schedule: Hashable, Sendable, CustomStringConvertible {
    /// The minutes a cron expression matches, in its time zone.
    case cron(CronExpression)
    /// Every `seconds` seconds (at least 1), anchored at the previous run's scheduled time.
    case interval(seconds: Int)

    /// Parses a schedule as written in a source's configuration: a five-field cron expression
    /// (`30 2 * * MON-FRI`), a macro (`@daily`), or `every DURATION` where DURATION is written as
    /// `Domain.DurationText` reads it (`every 90s`, `every 15m`, `every 1h30m`, `every 2w`). `every` is
    /// case-insensitive. `timeZone` is the zone cron expressions are evaluated in; intervals ignore it.
    /// - Throws: `ScheduleSyntaxError` with the bad part, token and 1-based column within `text`.
    public static func parse(
        _ text: String, timeZone: TimeZone = CronExpression.defaultTimeZone
    ) throws(ScheduleSyntaxError) -> Schedule {
        let characters = Array(text)
        guard let keywordStart = characters.firstIndex(where: { !$0.isWhitespace }) else {
            return .cron(try CronExpression(text, timeZone: timeZone))
        }
        let keywordEnd = characters[keywordStart...].firstIndex(where: \.isWhitespace) ?? characters.count
        guard String(characters[keywordStart..<keywordEnd]).lowercased() == "every" else {
            return .cron(try CronExpression(text, timeZone: timeZone))
        }
        let durationStart = characters[keywordEnd...].firstIndex(where: { !$0.isWhitespace }) ?? characters.count
        let durationEnd = (characters.lastIndex(where: { !$0.isWhitespace }) ?? keywordEnd) + 1
        guard durationStart < durationEnd else {
            throw ScheduleSyntaxError(
                part: .interval, token: "", column: keywordEnd + 1,
                reason: "missing duration after 'every'; write e.g. every 15m or every 1h30m")
        }
        let duration = String(characters[durationStart..<durationEnd])
        guard let seconds = DurationText.seconds(duration) else {
            throw ScheduleSyntaxError(
                part: .interval, token: duration, column: durationStart + 1,
                reason: "'\(duration)' is not a duration such as 90s, 15m, 36h, 7d, 2w or 1h30m")
        }
        return .interval(seconds: seconds)
    }

    /// The schedule in the notation `parse` reads: the cron text, or `every` with the largest units
    /// (`every 1h30m`).
    public var description: String {
        switch self {
        case .cron(let expression):
            return expression.text
        case .interval(let seconds):
            var remaining = seconds
            var text = ""
            for (unit, size) in [("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
            where remaining >= size {
                text += "\(remaining / size)\(unit)"
                remaining %= size
            }
            return "every \(text.isEmpty ? "0s" : text)"
        }
    }
}
