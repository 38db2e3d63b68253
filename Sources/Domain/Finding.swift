/// Something normalisation or validation noticed about a value: kept with the value, never silently fixed.
public struct Finding: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        /// Worth knowing; the value is usable.
        case info
        /// The value is suspicious or inconsistent with another field.
        case warning
        /// The value is invalid for its type.
        case error
    }

    /// A stable machine-readable rule name, e.g. `cccd.birth_year_mismatch`.
    public var rule: String
    public var severity: Severity
    /// A human-readable explanation. Never contains another person's data.
    public var message: String
    /// The canonical field the finding is about, when there is one.
    public var field: String?

    public init(rule: String, severity: Severity, message: String, field: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.field = field
    }

    public var description: String { "\(severity.rawValue): \(rule): \(message)" }
}
