import Foundation

/// A shell glob for file names in a drop folder: `*` (any run of characters), `?` (one character), `[abc]`,
/// `[a-z]`, `[!abc]`. Matching follows POSIX `fnmatch` with `FNM_PERIOD`: a leading `.` must be matched
/// explicitly, so `*.csv` never picks up a hidden `.export.csv.part` that a writer is still filling.
public struct GlobPattern: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String

    /// Fails for an empty pattern, one containing `/` (patterns match names inside the folder, not paths) or NUL.
    public init(_ pattern: String) throws {
        guard !pattern.isEmpty else { throw GlobPatternError(pattern: pattern, reason: "the pattern is empty") }
        guard !pattern.contains("/") else {
            throw GlobPatternError(pattern: pattern, reason: "a pattern matches file names, not paths: remove '/'")
        }
        guard !pattern.unicodeScalars.contains("\u{0}") else {
            throw GlobPatternError(pattern: pattern, reason: "the pattern contains a NUL character")
        }
        self.pattern = pattern
    }

    /// The pattern matching exactly `name` (its `*`, `?`, `[` and `\\` escaped), for a single-file source.
    public static func literal(_ name: String) throws -> GlobPattern {
        try GlobPattern(String(name.flatMap { "*?[\\".contains($0) ? ["\\", $0] : [$0] }))
    }

    /// Whether a file name (no directory part) matches.
    public func matches(_ name: String) -> Bool {
        guard !name.unicodeScalars.contains("\u{0}") else { return false }
        return fnmatch(pattern, name, FNM_PERIOD) == 0
    }

    public var description: String { pattern }
}

/// A glob that cannot be used.
public struct GlobPatternError: Error, Hashable, Sendable, CustomStringConvertible {
    public var pattern: String
    public var reason: String
    public var description: String { "invalid glob '\(pattern)': \(reason)" }
}
