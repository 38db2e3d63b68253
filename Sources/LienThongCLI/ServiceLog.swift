import Domain
import Foundation

/// The daemon's log: one JSON object per line on stderr — `time`, `level`, `msg`, then the event's fields in the
/// order given. Field names are stable (operators build alerts on them); values never carry personal data (entity
/// and mention IDs, sources, counts and errors only). Written with one `write(2)` per line under a lock, so lines
/// from several threads never interleave, and a closed stderr never traps.
enum ServiceLog {
    enum Level: String, Comparable, Sendable {
        case debug, info, warn, error

        private var rank: Int { [.debug: 0, .info: 1, .warn: 2, .error: 3][self] ?? 1 }
        static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// A field value: text or a number.
    enum Value: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case int(Int64)
        case double(Double)

        init(stringLiteral value: String) { self = .text(value) }
        init(integerLiteral value: Int64) { self = .int(value) }

        var json: String {
            switch self {
            case .text(let text): return JSONText.quote(text)
            case .int(let number): return String(number)
            case .double(let number): return number.isFinite ? String(format: "%.3f", number) : "null"
            }
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var threshold: Level = .info

    /// Lines below `level` are dropped (the configuration's `log_level`; `info` by default).
    static func setLevel(_ level: Level) {
        lock.withLock { threshold = level }
    }

    /// The JSON line of one event (no newline), for tests and for `write`.
    static func line(_ level: Level, _ message: String, _ fields: [(String, Value)], time: String = Clock.now()) -> String {
        var text = "{\"time\":\(JSONText.quote(time)),\"level\":\"\(level.rawValue)\",\"msg\":\(JSONText.quote(message))"
        for (name, value) in fields { text += ",\(JSONText.quote(name)):\(value.json)" }
        return text + "}"
    }

    static func write(_ level: Level, _ message: String, _ fields: [(String, Value)] = []) {
        lock.withLock {
            guard level >= threshold else { return }
            let bytes = Array((line(level, message, fields) + "\n").utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Foundation.write(2, $0.baseAddress, $0.count) }
                if written <= 0 {
                    if written < 0, errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
