import Domain
import Normalization
import Reference

extension MappingEvaluator {
    /// A text field: selection, transforms, code table, default, then the last parsing transform (if any)
    /// turns the text into its canonical form. Missing required text and failed parses become reasons.
    func textField(
        _ name: String, _ output: OutputSpec, _ extraction: FieldExtraction, _ builder: inout OutputBuilder, required: Bool = false
    ) -> String? {
        guard let spec = output.fields[name] else {
            if required { builder.missing(name, spec: nil) }
            return nil
        }
        let isRequired = spec.required ?? required
        let selected = extraction.text(spec, field: name)
        builder.note(selected.findings, field: name)
        guard let text = selected.text, !text.isEmpty else {
            if isRequired { builder.missing(name, spec: spec) }
            return nil
        }
        guard let parsing = spec.transforms.last(where: \.isParsing) else { return text }
        let canonical = canonicalText(text, transform: parsing)
        builder.note(canonical.findings, field: name)
        if isRequired, canonical.value == nil || canonical.hasError {
            builder.invalid(name, value: text, spec: spec, found: canonical.findings)
        }
        return canonical.value
    }

    /// The canonical text a parsing transform makes of a value (`date` → ISO date, `phone` → E.164 …).
    func canonicalText(_ text: String, transform: Transform) -> Normalized<String> {
        switch transform {
        case .name:
            let name = memo.name(text)
            return Normalized(name.value?.full, findings: name.findings)
        case .personalNumber:
            return identifierText(PersonalNumber.normalize(text, birthDate: nil, sex: nil, reference: reference))
        case .cmnd9:
            return identifierText(LegacyIDNumber.normalize(text))
        case .enterpriseCode:
            return identifierText(EnterpriseCode.normalize(text))
        case .phone:
            return PhoneNormalizer.normalize(text)
        default:
            if let order = transform.dateOrder {
                let date = memo.date(text, order: order.fieldOrder)
                return Normalized(date.value?.description, findings: date.findings)
            }
            return Normalized(transform.rewrite(text))
        }
    }

    private func identifierText(_ identifier: Normalized<Identifier>) -> Normalized<String> {
        Normalized(identifier.value?.value, findings: identifier.findings)
    }

    /// A date field; the last date transform chooses the field order (default: automatic).
    func dateField(_ name: String, _ output: OutputSpec, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> PartialDate? {
        guard let spec = output.fields[name] else { return nil }
        let selected = extraction.text(spec, field: name)
        builder.note(selected.findings, field: name)
        guard let text = selected.text, !text.isEmpty else {
            if spec.required == true { builder.missing(name, spec: spec) }
            return nil
        }
        let order = spec.transforms.compactMap(\.dateOrder).last ?? .auto
        let date = memo.date(text, order: order.fieldOrder)
        builder.note(date.findings, field: name)
        if spec.required == true, date.value == nil || date.hasError {
            builder.invalid(name, value: text, spec: spec, found: date.findings)
        }
        return date.value
    }

    /// A sex field: after the code table, `male`/`female`, or Vietnamese `Nam`/`Nữ` (any case or accents).
    func sexField(_ output: OutputSpec, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> Sex? {
        guard let spec = output.fields["sex"] else { return nil }
        let selected = extraction.text(spec, field: "sex")
        builder.note(selected.findings, field: "sex")
        guard let text = selected.text, !text.isEmpty else {
            if spec.required == true { builder.missing("sex", spec: spec) }
            return nil
        }
        switch TextFolding.fold(text) {
        case "male", "nam", "m": return .male
        case "female", "nu", "f": return .female
        default:
            let finding = Finding(rule: "sex.unknown", severity: .warning, message: "the sex value is neither male nor female", field: "sex")
            builder.note([finding], field: "sex")
            if spec.required == true { builder.invalid("sex", value: text, spec: spec, found: [finding]) }
            return nil
        }
    }

    /// An address: free text through `AddressNormalizer.normalize`, or codes through `fromCodes`.
    /// An address of only a postal code when the spec's other parts select nothing.
    func addressField(_ spec: AddressSpec?, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> Address? {
        guard let spec else { return nil }
        let postalCode = postalCodeField(spec.postalCode, extraction, &builder)
        guard var address = placeField(spec.form, extraction, &builder) else { return postalCode.map { Address(postalCode: $0) } }
        address.postalCode = postalCode
        return address
    }

    private func postalCodeField(_ field: FieldSpec?, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> String? {
        guard let field else { return nil }
        let selected = extraction.text(field, field: "address.postal_code")
        builder.note(selected.findings, field: "address")
        guard let text = selected.text, !text.isEmpty else { return nil }
        let code = PostalCode.normalize(text)
        builder.note(code.findings, field: "address")
        return code.value
    }

    private func placeField(_ form: AddressSpec.Form, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> Address? {
        let normalized: Normalized<Address>
        switch form {
        case .text(let field):
            let selected = extraction.text(field, field: "address")
            builder.note(selected.findings, field: "address")
            guard let text = selected.text, !text.isEmpty else {
                if field.required == true { builder.missing("address", spec: field) }
                return nil
            }
            normalized = memo.address(text)
        case .codes(let commune, let district, let province, let detail, let scheme):
            func part(_ field: FieldSpec?, _ name: String) -> String? {
                guard let field else { return nil }
                let selected = extraction.text(field, field: "address.\(name)")
                builder.note(selected.findings, field: "address")
                return selected.text.flatMap { $0.isEmpty ? nil : $0 }
            }
            let parts = (part(commune, "commune"), part(district, "district"), part(province, "province"), part(detail, "detail"))
            guard parts.0 != nil || parts.1 != nil || parts.2 != nil || parts.3 != nil else { return nil }
            normalized = memo.address(
                codes: NormalizerMemo.CodesKey(commune: parts.0, district: parts.1, province: parts.2, scheme: scheme, detail: parts.3.map(ExactText.init)))
        }
        builder.note(normalized.findings, field: "address")
        return normalized.value
    }
}

extension DateOrderHint {
    var fieldOrder: DateNormalizer.FieldOrder {
        switch self {
        case .auto: return .auto
        case .dayMonthYear: return .dayMonthYear
        case .monthDayYear: return .monthDayYear
        case .yearMonthDay: return .yearMonthDay
        }
    }
}
