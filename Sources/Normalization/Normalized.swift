import Domain

/// The result of normalising one value: the canonical value (nil when none could be made) and
/// everything noticed on the way. Normalisers never throw and never fix silently.
public struct Normalized<Value: Sendable>: Sendable {
    public var value: Value?
    public var findings: [Finding]

    public init(_ value: Value?, findings: [Finding] = []) {
        self.value = value
        self.findings = findings
    }

    /// True when a finding of severity `.error` was recorded.
    public var hasError: Bool { findings.contains { $0.severity == .error } }
}
