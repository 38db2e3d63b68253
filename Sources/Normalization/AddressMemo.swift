import Domain
import Reference
import Synchronization

/// Remembers the administrative reading of recently seen addresses — the part that looks units up in the
/// reference lists — so addresses that differ only in house number or street ("Số 12, Xã Đan Hội, Huyện Lục
/// Nam, Tỉnh Bắc Giang") share one reading and only their detail is parsed each time.
///
/// Free text: an `AddressTail` is remembered under exactly what decides it, the texts of the trailing segments
/// the reading looked at and whether they were the whole address. A lookup tries the last 3, 2 and 1 segments
/// (no reading looks at more; one that did would only never be found again). At most one of them can be
/// remembered for a given address: the reading is a function of the segments it looked at, so every address
/// ending in the same segments stops after the same number of them.
/// Codes: the reading of `fromCodes` is remembered under its codes, scheme and whether a detail text is given.
///
/// Bounded: at most `2 × capacity` readings per table (see `RecentTable`); thread-safe behind one lock each.
/// A capacity of 0 turns remembering off.
public final class AddressMemo: Sendable {
    struct Key: Hashable, Sendable {
        var tail: [ExactText]
        var isWhole: Bool
    }

    /// The reference data every reading uses.
    public let reference: ReferenceData
    public let capacity: Int
    private let table = Mutex(RecentTable<Key, AddressTail>())
    private let codeTable = Mutex(RecentTable<CodesKey, Normalized<Address>>())

    struct CodesKey: Hashable, Sendable {
        var codes: AddressCodes
        var hasText: Bool
    }

    public init(reference: ReferenceData, capacity: Int) {
        self.reference = reference
        self.capacity = max(0, capacity)
    }

    /// Readings held (free text and codes).
    public var count: Int { table.withLock { $0.count } + codeTable.withLock { $0.count } }

    /// `AddressTail.read(texts, reference:)`, remembered.
    func tail(of texts: [String]) -> AddressTail {
        guard capacity > 0 else { return AddressTail.read(texts, reference: reference) }
        let known = table.withLock { table -> AddressTail? in
            // Longest first: a full address (commune, district, province) is read from its last three segments.
            for length in (texts.isEmpty ? 0...0 : 1...min(3, texts.count)).reversed() {
                let key = Key(tail: texts.suffix(length).map(ExactText.init), isWhole: length == texts.count)
                if let tail = table.value(for: key) { return tail }
            }
            return nil
        }
        if let known { return known }
        let tail = AddressTail.read(texts, reference: reference)
        let key = Key(tail: texts.suffix(tail.inspected).map(ExactText.init), isWhole: tail.inspected == texts.count)
        let capacity = self.capacity
        table.withLock { $0.insert(tail, for: key, capacity: capacity) }
        return tail
    }

    /// `AddressNormalizer.readCodes(codes, hasText:, reference:)`, remembered.
    func reading(of codes: AddressCodes, hasText: Bool) -> Normalized<Address> {
        guard capacity > 0 else { return AddressNormalizer.readCodes(codes, hasText: hasText, reference: reference) }
        let key = CodesKey(codes: codes, hasText: hasText)
        if let known = codeTable.withLock({ $0.value(for: key) }) { return known }
        let reading = AddressNormalizer.readCodes(codes, hasText: hasText, reference: reference)
        let capacity = self.capacity
        codeTable.withLock { $0.insert(reading, for: key, capacity: capacity) }
        return reading
    }
}
