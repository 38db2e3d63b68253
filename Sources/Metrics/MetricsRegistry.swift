import Synchronization

/// The set of metric families a process exposes on `GET /metrics`, rendered in the Prometheus text
/// exposition format 0.0.4 (send it with ``PrometheusTextFormat/contentType``).
///
/// Register each family once at start-up and keep the returned family (or, for fixed label values, the
/// child handle from `labels(…)`). Registering the same name again with the same type and label names
/// (and, for histograms, buckets) returns the existing family and ignores the new HELP text; anything
/// else under an existing name, an invalid metric or label name, or a counter name not ending in `_total`
/// is a programmer error and stops the process with a precondition failure.
///
/// Thread-safe: registration, updates and rendering may happen on any threads at once.
public final class MetricsRegistry: Sendable {
    private struct State {
        var families: [String: RegisteredFamily] = [:]
        /// Every sample name in use (`x_bucket`, `x_sum`, `x_count` for a histogram `x`), to its family.
        var sampleNameOwners: [String: String] = [:]
    }

    private let state = Mutex(State())

    /// An empty registry.
    public init() {}

    /// Registers (or finds) a counter family. `name` must end in `_total`.
    public func counter(name: String, help: String, labelNames: [String] = []) -> CounterFamily {
        precondition(
            MetricNameRules.isValidCounterName(name),
            "Invalid counter name \"\(name)\": must match [a-zA-Z_:][a-zA-Z0-9_:]* and end in _total")
        let registered = register(name: name, type: .counter, labelNames: labelNames) {
            .counter(CounterFamily(name: name, help: help, labelNames: labelNames))
        }
        guard case .counter(let family) = registered else { preconditionFailure("unreachable") }
        return family
    }

    /// Registers (or finds) a gauge family whose values the program sets.
    public func gauge(name: String, help: String, labelNames: [String] = []) -> GaugeFamily {
        let registered = register(name: name, type: .gauge, labelNames: labelNames) {
            .gauge(GaugeFamily(name: name, help: help, labelNames: labelNames))
        }
        guard case .gauge(let family) = registered else {
            preconditionFailure("Metric \(name) is already registered as a gauge function, not a settable gauge")
        }
        return family
    }

    /// Registers (or finds) a histogram family. `buckets` are finite, strictly increasing upper bounds
    /// (a trailing `+Inf` is allowed and ignored; `+Inf` is always exposed). `le` is not a valid label name.
    public func histogram(
        name: String, help: String, labelNames: [String] = [], buckets: [Double] = Histogram.defaultBuckets
    ) -> HistogramFamily {
        guard let upperBounds = HistogramFamily.normalizedUpperBounds(buckets) else {
            preconditionFailure("Histogram \(name) buckets must be finite and strictly increasing: \(buckets)")
        }
        precondition(!labelNames.contains("le"), "Histogram \(name) may not use the reserved label name \"le\"")
        let registered = register(name: name, type: .histogram, labelNames: labelNames) {
            .histogram(HistogramFamily(name: name, help: help, labelNames: labelNames, upperBounds: upperBounds))
        }
        guard case .histogram(let family) = registered else { preconditionFailure("unreachable") }
        precondition(
            family.upperBounds == upperBounds,
            "Histogram \(name) is already registered with buckets \(family.upperBounds), not \(upperBounds)")
        return family
    }

    /// Registers a gauge family whose samples `sample` computes at every ``render()``: one value per tuple
    /// of label values (in `labelNames` order; an empty array for a family without labels). The callback
    /// runs outside the registry's lock, on the rendering thread. A name may carry one gauge function only.
    public func gaugeFunction(
        name: String, help: String, labelNames: [String] = [],
        _ sample: @escaping @Sendable () -> [(labels: [String], value: Double)]
    ) {
        let family = GaugeFunctionFamily(name: name, help: help, labelNames: labelNames, sample: sample)
        let registered = register(name: name, type: .gauge, labelNames: labelNames) { .gaugeFunction(family) }
        guard case .gaugeFunction(let stored) = registered, stored === family else {
            preconditionFailure("Metric \(name) is already registered; a gauge function cannot share its name")
        }
    }

    /// The whole registry as Prometheus text exposition 0.0.4: families sorted by name, each with its
    /// `# HELP` and `# TYPE` lines and its samples sorted by label values. A labelled family without
    /// children yet shows only its HELP and TYPE lines. Empty registry: the empty string.
    public func render() -> String {
        let families = state.withLock { state in state.families.sorted { $0.key < $1.key } }
        var writer = ExpositionWriter()
        for (name, family) in families {
            family.render(named: name, into: &writer)
        }
        return writer.text
    }

    /// Validates names, then under the lock returns the family already registered as `name` (after
    /// checking its type and label names) or the one `make` creates.
    private func register(
        name: String, type: MetricType, labelNames: [String], make: () -> RegisteredFamily
    ) -> RegisteredFamily {
        precondition(
            MetricNameRules.isValidMetricName(name),
            "Invalid metric name \"\(name)\": must match [a-zA-Z_:][a-zA-Z0-9_:]*")
        for label in labelNames {
            precondition(
                MetricNameRules.isValidLabelName(label),
                "Invalid label name \"\(label)\" on \(name): must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __")
        }
        precondition(Set(labelNames).count == labelNames.count, "Duplicate label names on \(name): \(labelNames)")
        let sampleNames = type == .histogram ? [name + "_bucket", name + "_sum", name + "_count"] : [name]
        return state.withLock { state in
            if let existing = state.families[name] {
                precondition(
                    existing.type == type && existing.labelNames == labelNames,
                    "Metric \(name) is already registered as a \(existing.type.rawValue) with labels "
                        + "\(existing.labelNames); cannot register it as a \(type.rawValue) with labels \(labelNames)")
                return existing
            }
            for sampleName in sampleNames {
                if let owner = state.sampleNameOwners[sampleName] {
                    preconditionFailure("Metric \(name) would expose \(sampleName), which \(owner) already exposes")
                }
            }
            let created = make()
            state.families[name] = created
            for sampleName in sampleNames { state.sampleNameOwners[sampleName] = name }
            return created
        }
    }
}
