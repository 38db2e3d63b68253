/// Two generations of results: new ones go to `current`; when it is full it becomes `previous` and the
/// generation before is dropped. A result found in `previous` moves back to `current`, so values in use stay.
/// At most `2 × capacity` results are held.
public struct RecentTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var current: [Key: Value] = [:]
    private var previous: [Key: Value] = [:]

    public init() {}

    public mutating func value(for key: Key) -> Value? {
        if let value = current[key] { return value }
        guard let value = previous.removeValue(forKey: key) else { return nil }
        current[key] = value
        return value
    }

    public mutating func insert(_ value: Value, for key: Key, capacity: Int) {
        if current.count >= capacity {
            previous = current
            current = Dictionary(minimumCapacity: capacity)
        }
        current[key] = value
    }

    /// Results held (both generations).
    public var count: Int { current.count + previous.count }
}
