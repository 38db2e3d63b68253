/// Why a schedule's text could not be parsed: which part is wrong, the offending token, and the 1-based column
/// (in characters) where it starts within the schedule text. The configuration loader adds the file and line.
///
/// `description` reads like `minute field: 61 is out of range 0–59 (column 1)`.
public struct ScheduleSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of a schedule an error is about.
    public enum Part: Hashable, Sendable, CustomStringConvertible {
        /// The expression as a whole: empty text, a wrong number of fields, an unknown macro.
        case expression
        /// One field of a cron expression.
        case field(CronField)
        /// The duration of an `every DURATION` schedule.
        case interval

        /// `schedule`, `minute field`, …, `interval`.
        public var description: String {
            switch self {
            case .expression: "schedule"
            case .field(let field): "\(field) field"
            case .interval: "interval"
            }
        }
    }

    /// The part of the schedule that is wrong.
    public var part: Part
    /// The offending text (empty when something is missing rather than wrong).
    public var token: String
    /// The 1-based column of `token` within the schedule text (one past the end when something is missing).
    public var column: Int
    /// What is wrong, without the part or the column: `61 is out of range 0–59`.
    public var reason: String

    /// An error about `part` at `column`.
    public init(part: Part, token: String, column: Int, reason: String) {
        self.part = part
        self.token = token
        self.column = column
        self.reason = reason
    }

    /// The whole message: part, reason and column.
    public var description: String { "\(part): \(reason) (column \(column))" }
}
