import Domain
import Reference

/// Applies a mapping to raw records. Pure and thread-safe: one evaluator can serve many workers.
public struct MappingEvaluator: Sendable {
    public let mapping: Mapping
    public let reference: ReferenceData
    /// Results of the costly normalisers for recently seen values (see `NormalizerMemo`).
    let memo: NormalizerMemo

    /// `rememberedResults`: how many recent results of each costly normaliser (names, dates, addresses) to keep
    /// per generation, so repeated values are normalised once; 0 normalises every value afresh. The results are
    /// the same either way; only the time differs.
    public init(mapping: Mapping, reference: ReferenceData, rememberedResults: Int = 8_192) {
        self.mapping = mapping
        self.reference = reference
        self.memo = NormalizerMemo(reference: reference, capacity: rememberedResults)
    }

    /// Maps one record: every output whose `when` holds becomes a mention; a required field that fails
    /// quarantines the whole record with every reason found.
    public func evaluate(_ record: RawRecord) -> MappingResult {
        let extraction = FieldExtraction(record: record.fields)
        var reasons: [Finding] = []
        let keyText = extraction.text(mapping.key, field: "key")
        guard let recordKey = keyText.text, !recordKey.isEmpty else {
            return .quarantined(reasons: [
                Finding(
                    rule: "mapping.key_missing", severity: .error,
                    message: "the record key (from '\(mapping.key.sourceDescription)') is missing or empty", field: "key")
            ])
        }
        var mentions: [String: Mention] = [:]
        var order: [String] = []
        for output in mapping.outputs {
            if let condition = output.when, !extraction.holds(condition) { continue }
            var builder = OutputBuilder(output: output)
            var key = recordKey
            if let keySpec = output.key {
                let text = extraction.text(keySpec, field: "key")
                if let value = text.text, !value.isEmpty { key = value } else { builder.missing("key", spec: keySpec) }
            }
            let body = self.body(of: output, extraction: extraction, builder: &builder)
            reasons.append(contentsOf: builder.reasons)
            guard builder.reasons.isEmpty, let body else { continue }
            mentions[output.id] = Mention(
                key: MentionKey(source: mapping.source, kind: output.kind, recordKey: key), registry: mapping.registry, body: body,
                findings: builder.findings, location: record.location)
            order.append(output.id)
        }
        if !reasons.isEmpty { return .quarantined(reasons: reasons) }
        if order.isEmpty {
            return .quarantined(reasons: [
                Finding(rule: "mapping.no_output", severity: .error, message: "no output's condition holds for record '\(recordKey)'")
            ])
        }
        let links = mapping.links.compactMap { link -> MentionLink? in
            guard let from = mentions[link.from], let to = mentions[link.to] else { return nil }
            return MentionLink(type: link.type, from: from.key, to: to.key)
        }
        return .mapped(mentions: order.compactMap { mentions[$0] }, links: links)
    }

    private func body(of output: OutputSpec, extraction: FieldExtraction, builder: inout OutputBuilder) -> MentionBody? {
        switch output.kind {
        case .person: return person(output, extraction, &builder).map(MentionBody.person)
        case .parcel: return parcel(output, extraction, &builder).map(MentionBody.parcel)
        case .enterprise: return enterprise(output, extraction, &builder).map(MentionBody.enterprise)
        }
    }
}
