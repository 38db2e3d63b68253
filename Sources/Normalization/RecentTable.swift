/// Two generations of results: new ones go to `current`; when it is full it becomes `previous` and the
/// generation before is dropped. A result found in `previous` moves back to `current`, so values in use stay.
/// At most `2 × capacity` results are held.
///
/// Inlinable, so that the memos of other modules get it specialised for their keys and values: generic, a lookup
/// costs more than many of the results it saves.
public struct RecentTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline var current: [Key: Value] = [:]
    @usableFromInline var previous: [Key: Value] = [:]

    @inlinable public init() {}

    @inlinable public mutating func value(for key: Key) -> Value? {
        if let value = current[key] { return value }
        guard let value = previous.removeValue(forKey: key) else { return nil }
        current[key] = value
        return value
    }

    @inlinable public mutating func insert(_ value: Value, for key: Key, capacity: Int) {
        if current.count >= capacity {
            previous = current
            current = Dictionary(minimumCapacity: capacity)
        }
        current[key] = value
    }

    /// Results held (both generations).
    @inlinable public var count: Int { current.count + previous.count }
}
