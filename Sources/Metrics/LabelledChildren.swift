import Synchronization

/// The children of one metric family, one per distinct tuple of label values, created on first use and
/// cached: finding a child is one lock and one dictionary lookup.
final class LabelledChildren<Child: AnyObject & Sendable>: Sendable {
    let metricName: String
    let labelNames: [String]
    private let makeChild: @Sendable () -> Child
    private let children: Mutex<[[String]: Child]>

    /// A family without labels gets its single child at once, so it is exposed (as zero) before first use.
    init(metricName: String, labelNames: [String], makeChild: @escaping @Sendable () -> Child) {
        self.metricName = metricName
        self.labelNames = labelNames
        self.makeChild = makeChild
        var initial: [[String]: Child] = [:]
        if labelNames.isEmpty { initial[[]] = makeChild() }
        children = Mutex(initial)
    }

    /// The child for `labelValues`, created if this is the first time these values are seen.
    func child(for labelValues: [String]) -> Child {
        guard labelValues.count == labelNames.count else {
            preconditionFailure(
                "Metric \(metricName) has labels \(labelNames) but was given "
                    + "\(labelValues.count) value(s): \(labelValues)")
        }
        return children.withLock { table in
            if let existing = table[labelValues] { return existing }
            let created = makeChild()
            table[labelValues] = created
            return created
        }
    }

    /// Every child with its label values, sorted by label values so that output is deterministic.
    func sortedChildren() -> [(labelValues: [String], child: Child)] {
        let unsorted = children.withLock { table in table.map { (labelValues: $0.key, child: $0.value) } }
        return unsorted.sorted { $0.labelValues.lexicographicallyPrecedes($1.labelValues) }
    }
}
