/// Read access to a source's connector checkpoints (an HTTP ETag, a processed file's checksum …).
///
/// The composition root adapts the store to this protocol; writes are returned to it as `CheckpointUpdate`s so
/// that it can commit them **in the same transaction** as the data they describe.
public protocol Checkpoints {
    /// The stored value of `key`, or nil when it was never set.
    func value(forKey key: String) throws -> String?
}

/// One checkpoint to set (or, with a nil value, to clear) together with the data it describes.
public struct CheckpointUpdate: Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }

    public var description: String { "\(key) = \(value ?? "nil")" }
}
