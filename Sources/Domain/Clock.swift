import Foundation

/// Wall-clock time as RFC 3339 UTC text (`2026-11-23T07:09:07.123Z`), the one time format the store and feed use.
public enum Clock {
    public static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
