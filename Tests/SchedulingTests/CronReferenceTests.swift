import Domain
import Foundation
import Scheduling
import Testing

/// `next(after:)` agrees with a naive reference that reads Foundation's `Calendar` minute by minute, over a few
/// thousand seeded random expressions, zones (with and without daylight-saving time, whole-hour, half-hour and
/// 45-minute offsets) and instants, many of them next to offset changes.
@Suite struct CronReferenceTests {
    static let cases = 2_000
    /// How far the reference looks, in minutes; beyond it, `next(after:)` must find nothing earlier.
    static let horizonMinutes = 24 * 60
    static let zones = ["Asia/Ho_Chi_Minh", "UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
                        "Europe/London"].map { TimeZone(identifier: $0)! }

    /// The naive reference: every whole minute after `start` until the horizon, read with `Calendar`.
    struct Reference {
        /// Allowed values per field, indexed by value.
        let minutes, hours, daysOfMonth, months, daysOfWeek: [Bool]
        let dayOfMonthIsWildcard, dayOfWeekIsWildcard: Bool
        let calendar: Calendar

        init(_ cron: CronExpression, text: String) {
            func table(_ field: CronField) -> [Bool] {
                var table = [Bool](repeating: false, count: 64)
                for value in cron.allowedValues(field) { table[value] = true }
                return table
            }
            minutes = table(.minute)
            hours = table(.hour)
            daysOfMonth = table(.dayOfMonth)
            months = table(.month)
            daysOfWeek = table(.dayOfWeek)
            let fields = text.split(separator: " ")
            dayOfMonthIsWildcard = fields[2].hasPrefix("*")
            dayOfWeekIsWildcard = fields[4].hasPrefix("*")
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = cron.timeZone
            self.calendar = calendar
        }

        func matches(_ date: Date) -> Bool {
            let parts = calendar.dateComponents([.month, .day, .hour, .minute, .weekday], from: date)
            guard minutes[parts.minute!], hours[parts.hour!], months[parts.month!] else { return false }
            let byDay = daysOfMonth[parts.day!]
            let byWeekday = daysOfWeek[parts.weekday! - 1]
            return dayOfMonthIsWildcard || dayOfWeekIsWildcard ? byDay && byWeekday : byDay || byWeekday
        }

        func next(after start: Date, minutes count: Int) -> Date? {
            var instant = Date(timeIntervalSince1970: ((start.timeIntervalSince1970 / 60).rounded(.down) + 1) * 60)
            for _ in 0..<count {
                if matches(instant) { return instant }
                instant += 60
            }
            return nil
        }
    }

    /// A random field: often `*`, otherwise a list of values, ranges, steps and names.
    static func field(_ field: CronField, wildcard: Double, random: inout SplitMix64) -> String {
        let bounds = field.bounds
        if random.chance(wildcard) { return random.chance(0.85) ? "*" : "*/\(random.between(1...bounds.upperBound))" }
        let names: [String] = switch field {
        case .month: ["JAN", "feb", "Mar", "APR", "may", "JUN", "jul", "AUG", "sep", "OCT", "nov", "DEC"]
        case .dayOfWeek: ["sun", "MON", "Tue", "WED", "thu", "FRI", "sat"]
        default: []
        }
        func value() -> String {
            let number = random.between(bounds)
            let index = number - (field == .month ? 1 : 0)
            return !names.isEmpty && index < names.count && random.chance(0.3) ? names[index] : "\(number)"
        }
        var items: [String] = []
        for _ in 0..<random.between(1...3) {
            switch random.below(4) {
            case 0:
                items.append(value())
            case 1, 2:
                let low = random.between(bounds)
                let high = random.between(low...bounds.upperBound)
                let step = random.chance(0.5) ? "/\(random.between(1...min(bounds.upperBound, high - low + 1)))" : ""
                items.append("\(low)-\(high)\(step)")
            default:
                items.append("*/\(random.between(1...bounds.upperBound))")
            }
        }
        return items.joined(separator: ",")
    }

    static func expression(random: inout SplitMix64) -> String {
        [
            field(.minute, wildcard: 0.3, random: &random), field(.hour, wildcard: 0.4, random: &random),
            field(.dayOfMonth, wildcard: 0.75, random: &random), field(.month, wildcard: 0.85, random: &random),
            field(.dayOfWeek, wildcard: 0.7, random: &random),
        ].joined(separator: " ")
    }

    /// Instants at which `zone`'s UTC offset changes in 2024–2029.
    static func offsetChanges(_ zone: TimeZone) -> [Date] {
        var changes: [Date] = []
        var cursor = TestTime.utc("2024-01-01T00:00:00Z")
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < TestTime.utc("2029-01-01T00:00:00Z") {
            changes.append(change)
            cursor = change
        }
        return changes
    }

    @Test func agreesWithMinuteByMinuteReference() throws {
        var random = SplitMix64(seed: 20_260_301)
        let changes = Self.zones.map(Self.offsetChanges)
        let from = TestTime.utc("2024-01-01T00:00:00Z").timeIntervalSince1970
        let to = TestTime.utc("2029-01-01T00:00:00Z").timeIntervalSince1970
        var mismatches: [String] = []
        var found = 0
        for _ in 0..<Self.cases {
            let text = Self.expression(random: &random)
            let zoneIndex = random.below(Self.zones.count)
            let zone = Self.zones[zoneIndex]
            var start: Date
            if !changes[zoneIndex].isEmpty, random.chance(0.4) {
                start = random.pick(changes[zoneIndex]) + Double(random.between(-3 * 3_600...3_600))
            } else {
                start = Date(timeIntervalSince1970: from + Double(random.below(Int(to - from))))
            }
            if random.chance(0.3) { start += random.unit() * 60 }
            let cron = try CronExpression(text, timeZone: zone)
            let expected = Reference(cron, text: text).next(after: start, minutes: Self.horizonMinutes)
            let actual = cron.next(after: start)
            if let expected {
                found += 1
                if actual != expected {
                    mismatches.append("\(text) in \(zone.identifier) after \(start): \(String(describing: actual)) ≠ \(expected)")
                }
            } else if let actual, actual <= start + Double(Self.horizonMinutes * 60) {
                mismatches.append("\(text) in \(zone.identifier) after \(start): \(actual), reference found nothing")
            }
            if let actual, !cron.matches(actual) || actual <= start {
                mismatches.append("\(text) in \(zone.identifier): \(actual) does not match or is not after \(start)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
        // Most cases must be decided inside the horizon for the comparison to mean something.
        #expect(found > Self.cases / 2, "\(found)")
    }
}
