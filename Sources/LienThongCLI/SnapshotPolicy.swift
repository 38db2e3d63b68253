import Domain

/// How a source delivered as full snapshots treats the records an input no longer contains. (An incremental source
/// has no policy: absence means nothing, every input only adds and changes.)
struct SnapshotPolicy: Sendable, Equatable {
    enum Tombstones: String, Sendable, CaseIterable {
        /// A missing record's mentions are retired: they leave their entities (an entity left without members is
        /// retired with `entity.retired`), and a later snapshot that contains the record again brings them back.
        case retire
        /// Missing mentions are counted in the run (`mentionsMissing`) and left as they are (the tombstone limit does
        /// not apply: nothing is retired, and what is missing adds up over the months).
        case keep
    }

    var tombstones = Tombstones.retire
    /// The largest share (0…1) of the source's live mentions (before the input) that one input may retire; an input
    /// that would retire more is rejected whole — a truncated export or a wrong file must not retire a registry.
    var limit = 0.2

    /// Parses `20%` (or a bare `20`): a share between 0 and 100 percent.
    static func limit(parsing text: String) -> Double? {
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Double(number), value.isFinite, (0...100).contains(value) else { return nil }
        return value / 100
    }

    /// Throws (as a file-level diagnostic: the input is rejected, nothing applied) when `missing` of `live` mentions
    /// exceed the limit.
    func check(missing: Int, live: Int, input: String) throws {
        guard missing > 0, Double(missing) > limit * Double(live) else { return }
        let share = Self.percent(Double(missing) / Double(live))
        throw Diagnostic(
            location: SourceLocation(file: input), rule: "snapshot.tombstone_limit",
            message: "this snapshot leaves out \(missing) of the source's \(live) live mentions (\(share)), more than the tombstone "
                + "limit of \(Self.percent(limit)); if that is intended, raise the limit (tombstone_limit, --tombstone-limit) for one run")
    }

    static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}
