import Foundation

/// Wall-clock time as RFC 3339 UTC text (`2026-11-23T07:09:07.123Z`), the one time format the store and feed use.
public enum Clock {
    public static func now() -> String { text(Date()) }

    /// `date` in that format.
    public static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The instant of a timestamp in that format, or nil.
    public static func date(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
