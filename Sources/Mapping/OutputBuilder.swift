import Domain

/// Collects the findings and quarantine reasons of one output while its fields are evaluated.
struct OutputBuilder {
    let output: OutputSpec
    var findings: [Finding] = []
    var reasons: [Finding] = []

    init(output: OutputSpec) { self.output = output }

    /// Adds normaliser findings, labelled with the canonical field.
    mutating func note(_ found: [Finding], field: String) {
        findings.append(contentsOf: found.map { finding in
            var labelled = finding
            labelled.field = field
            return labelled
        })
    }

    /// Records that a required field has no value.
    mutating func missing(_ field: String, spec: FieldSpec?) {
        let from = spec.map { " (from '\($0.sourceDescription)')" } ?? ""
        reasons.append(
            Finding(rule: "mapping.required_missing", severity: .error, message: "\(output.id): required field '\(field)'\(from) is missing or empty", field: field))
    }

    /// Records that a required field's value could not be used; the value appears only in this reason.
    mutating func invalid(_ field: String, value: String, spec: FieldSpec?, found: [Finding]) {
        let from = spec.map { " from '\($0.sourceDescription)'" } ?? ""
        let rules = found.filter { $0.severity == .error }.map(\.rule)
        let because = rules.isEmpty ? "" : ": \(rules.joined(separator: ", "))"
        reasons.append(
            Finding(
                rule: "mapping.required_invalid", severity: .error,
                message: "\(output.id): required field '\(field)' value '\(value)'\(from) is not usable\(because)", field: field))
    }
}
