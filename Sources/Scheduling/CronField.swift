/// One of the five fields of a cron expression, in the order they are written:
/// minute, hour, day of month, month, day of week.
public enum CronField: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Minute of the hour, 0–59.
    case minute
    /// Hour of the day, 0–23.
    case hour
    /// Day of the month, 1–31.
    case dayOfMonth
    /// Month of the year, 1–12 or JAN–DEC.
    case month
    /// Day of the week, 0–7 or SUN–SAT (0 and 7 are Sunday).
    case dayOfWeek

    /// The field's name as error messages spell it: `minute`, `hour`, `day-of-month`, `month`, `day-of-week`.
    public var description: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        }
    }

    /// The values the field accepts as written. Day of week accepts 0–7, where 0 and 7 are both Sunday.
    public var bounds: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// The values `*` stands for (day of week: 0–6, Sunday = 0).
    var wildcardValues: ClosedRange<Int> { self == .dayOfWeek ? 0...6 : bounds }

    /// The upper-case three-letter names the field accepts (JAN–DEC for months, SUN–SAT for days of week) with
    /// their values; empty for the other fields.
    var names: [String: Int] {
        switch self {
        case .month:
            let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
            return Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0 + 1) })
        case .dayOfWeek:
            let days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
            return Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        default:
            return [:]
        }
    }

    /// How the accepted names read in an error message (`JAN–DEC`), or nil for fields without names.
    var nameRange: String? {
        switch self {
        case .month: "JAN–DEC"
        case .dayOfWeek: "SUN–SAT"
        default: nil
        }
    }
}
