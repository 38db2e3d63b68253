import Foundation
import Scheduling

/// Instants for the scheduling tests, written as UTC text or as wall-clock text in a zone, and read back as
/// wall-clock text with the UTC offset so that daylight-saving cases are unambiguous.
enum TestTime {
    static let hoChiMinh = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let utcZone = TimeZone(identifier: "UTC")!

    /// `2026-03-08T07:00:00Z`.
    static func utc(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad test instant \(text)") }
        return date
    }

    /// `2026-03-01 00:00` on the wall clock of `zone` (the earlier instant if the time occurs twice).
    static func local(_ text: String, in zone: TimeZone = hoChiMinh) -> Date {
        let parts = text.split(whereSeparator: { "- :".contains($0) }).map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
        return calendar.date(from: components)!
    }

    /// `2026-11-01 01:30 -04:00`: the wall-clock reading of `date` in `zone` with the offset in force.
    static func text(_ date: Date?, in zone: TimeZone = hoChiMinh) -> String {
        guard let date else { return "nil" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.year!)-\(two(parts.month!))-\(two(parts.day!)) \(two(parts.hour!)):\(two(parts.minute!)) "
            + "\(sign)\(two(abs(offset) / 3_600)):\(two(abs(offset) / 60 % 60))"
    }

    /// The first `count` slots of `expression` after `date`, as wall-clock text in the expression's zone.
    static func slots(of expression: String, after date: Date, count: Int, in zone: TimeZone = hoChiMinh) throws -> [String] {
        let cron = try CronExpression(expression, timeZone: zone)
        var results: [String] = []
        var cursor = date
        for _ in 0..<count {
            guard let next = cron.next(after: cursor) else { results.append("nil"); break }
            results.append(text(next, in: zone))
            cursor = next
        }
        return results
    }
}
