import Domain
import Normalization
import Reference
import Synchronization

/// Remembers the results of the costly normalisers (names, dates, addresses) for the values seen last, so a
/// value repeated across records — household members share an address, owners and dates recur — is
/// normalised once. The normalisers are pure functions of their input and the read-only reference data, so
/// a remembered result is exactly the one a new call would give.
///
/// Bounded: each table keeps at most `2 × capacity` results (the current generation and the one before);
/// thread-safe behind one lock. A capacity of 0 turns remembering off.
final class NormalizerMemo: Sendable {
    /// Results per generation and table used when none is given.
    static let defaultCapacity = 8_192

    /// The inputs of `AddressNormalizer.fromCodes`.
    struct CodesKey: Hashable, Sendable {
        var commune: String?
        var district: String?
        var province: String?
        var scheme: AdminScheme
        var detail: ExactText?
    }

    struct DateKey: Hashable, Sendable {
        var written: ExactText
        var order: DateNormalizer.FieldOrder
    }

    private struct Tables: Sendable {
        var names = RecentTable<ExactText, Normalized<PersonName>>()
        var dates = RecentTable<DateKey, Normalized<PartialDate>>()
        var addresses = RecentTable<ExactText, Normalized<Address>>()
        var codes = RecentTable<CodesKey, Normalized<Address>>()
    }

    let capacity: Int
    let reference: ReferenceData
    private let tables = Mutex(Tables())
    /// The administrative readings of addresses, shared by addresses that differ only in their detail.
    private let readings: AddressMemo

    init(reference: ReferenceData, capacity: Int = NormalizerMemo.defaultCapacity) {
        self.reference = reference
        self.capacity = max(0, capacity)
        readings = AddressMemo(reference: reference, capacity: capacity)
    }

    /// `NameNormalizer.normalize(text)`.
    func name(_ text: String) -> Normalized<PersonName> {
        remembered(ExactText(text), in: \.names) { NameNormalizer.normalize($0.text) }
    }

    /// `DateNormalizer.normalize(text, order: order)`.
    func date(_ text: String, order: DateNormalizer.FieldOrder) -> Normalized<PartialDate> {
        remembered(DateKey(written: ExactText(text), order: order), in: \.dates) { DateNormalizer.normalize($0.written.text, order: $0.order) }
    }

    /// `AddressNormalizer.normalize(text, reference:)`.
    func address(_ text: String) -> Normalized<Address> {
        let readings = self.readings
        return remembered(ExactText(text), in: \.addresses) { AddressNormalizer.normalize($0.text, remembering: readings) }
    }

    /// `AddressNormalizer.fromCodes(…)`: whole results for repeated codes and detail (household members), and
    /// the reading of the codes alone for those whose detail differs.
    func address(codes key: CodesKey) -> Normalized<Address> {
        let readings = self.readings
        return remembered(key, in: \.codes) { key in
            let codes = AddressCodes(commune: key.commune, district: key.district, province: key.province, scheme: key.scheme)
            return AddressNormalizer.fromCodes(codes, detail: key.detail?.text, remembering: readings)
        }
    }

    private func remembered<Key: Hashable & Sendable, Value: Sendable>(
        _ key: Key, in table: WritableKeyPath<Tables, RecentTable<Key, Value>>, compute: (Key) -> Value
    ) -> Value {
        guard capacity > 0 else { return compute(key) }
        if let known = tables.withLock({ $0[keyPath: table].value(for: key) }) { return known }
        let value = compute(key)
        let capacity = self.capacity
        tables.withLock { $0[keyPath: table].insert(value, for: key, capacity: capacity) }
        return value
    }
}
