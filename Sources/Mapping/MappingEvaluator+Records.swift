import Domain
import Foundation
import Normalization

extension MappingEvaluator {
    func person(_ output: OutputSpec, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> PersonRecord? {
        let birthDate = dateField("birth_date", output, extraction, &builder)
        let sex = sexField(output, extraction, &builder)
        var name: PersonName?
        if let spec = output.fields["name"] {
            let isRequired = spec.required ?? true
            let selected = extraction.text(spec, field: "name")
            builder.note(selected.findings, field: "name")
            if let text = selected.text, !text.isEmpty {
                let normalized = memo.name(text)
                builder.note(normalized.findings, field: "name")
                name = normalized.value
                if isRequired, name == nil || normalized.hasError {
                    builder.invalid("name", value: text, spec: spec, found: normalized.findings)
                }
            } else if isRequired {
                builder.missing("name", spec: spec)
            }
        }
        var identifiers: [Identifier] = []
        for spec in output.identifiers {
            if let condition = spec.when, !extraction.holds(condition) { continue }
            if let identifier = identifierField(spec, birthDate: birthDate, sex: sex, extraction, &builder) { identifiers.append(identifier) }
        }
        let address = addressField(output.address, extraction, &builder)
        return PersonRecord(
            name: name, birthDate: birthDate, sex: sex, identifiers: identifiers, addresses: address.map { [$0] } ?? [],
            phone: phoneField(output, extraction, &builder),
            householdID: textField("household", output, extraction, &builder),
            householdRelation: textField("household_relation", output, extraction, &builder))
    }

    private func phoneField(_ output: OutputSpec, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> String? {
        guard let spec = output.fields["phone"] else { return nil }
        let selected = extraction.text(spec, field: "phone")
        builder.note(selected.findings, field: "phone")
        guard let text = selected.text, !text.isEmpty else {
            if spec.required == true { builder.missing("phone", spec: spec) }
            return nil
        }
        let phone = PhoneNormalizer.normalize(text)
        builder.note(phone.findings, field: "phone")
        if spec.required == true, phone.value == nil || phone.hasError { builder.invalid("phone", value: text, spec: spec, found: phone.findings) }
        return phone.value
    }

    /// An identifier: kept with `isValid: false` and its findings when invalid, unless required.
    private func identifierField(
        _ spec: IdentifierSpec, birthDate: PartialDate?, sex: Sex?, _ extraction: FieldExtraction, _ builder: inout OutputBuilder
    ) -> Identifier? {
        let field = "identifiers.\(spec.type.rawValue)"
        let selected = extraction.text(spec.value, field: field)
        builder.note(selected.findings, field: field)
        guard let text = selected.text, !text.isEmpty else {
            if spec.required { builder.missing(field, spec: spec.value) }
            return nil
        }
        let normalized = normalizeIdentifier(text, type: spec.type, birthDate: birthDate, sex: sex)
        builder.note(normalized.findings, field: field)
        let identifier = normalized.value ?? Identifier(type: spec.type, value: text, isValid: false)
        if spec.required, !identifier.isValid || normalized.hasError {
            builder.invalid(field, value: text, spec: spec.value, found: normalized.findings)
        }
        return identifier
    }

    func normalizeIdentifier(_ text: String, type: IdentifierType, birthDate: PartialDate?, sex: Sex?) -> Normalized<Identifier> {
        switch type {
        case .personalNumber: return PersonalNumber.normalize(text, birthDate: birthDate, sex: sex, reference: reference)
        case .legacyID9: return LegacyIDNumber.normalize(text)
        case .enterpriseCode: return EnterpriseCode.normalize(text)
        case .socialInsurance: return SocialInsuranceNumber.normalize(text)
        default: return Normalized(Identifier(type: type, value: text))
        }
    }

    func parcel(_ output: OutputSpec, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> ParcelRecord? {
        let commune = textField("commune", output, extraction, &builder, required: true)
        let sheet = textField("sheet", output, extraction, &builder, required: true)
        let number = textField("number", output, extraction, &builder, required: true)
        let scheme = output.scheme ?? .pre2025
        if let commune {
            let known = scheme == .pre2025 ? reference.communePre2025(code: commune) != nil : reference.commune2025(code: commune) != nil
            if !known {
                builder.note(
                    [Finding(rule: "parcel.unknown_commune", severity: .warning, message: "the commune code is not in the \(scheme.rawValue) reference")],
                    field: "commune")
            }
        }
        var area: Double?
        if let text = textField("area", output, extraction, &builder) {
            let decimal = text.utf8.contains(UInt8(ascii: ".")) ? text : text.replacingOccurrences(of: ",", with: ".")
            if let value = Double(decimal), value.isFinite, value >= 0 {
                area = value
            } else {
                builder.note([Finding(rule: "parcel.bad_area", severity: .warning, message: "the area is not a non-negative number")], field: "area")
                if output.fields["area"]?.required == true { builder.invalid("area", value: text, spec: output.fields["area"], found: []) }
            }
        }
        let landUse = textField("land_use", output, extraction, &builder)
        let certificate = textField("certificate", output, extraction, &builder)
        let address = addressField(output.address, extraction, &builder)
        guard let commune, let sheet, let number else { return nil }
        return ParcelRecord(
            communeCode: commune, communeScheme: scheme, mapSheet: sheet, parcelNumber: number, area: area, landUse: landUse,
            certificate: certificate, address: address)
    }

    func enterprise(_ output: OutputSpec, _ extraction: FieldExtraction, _ builder: inout OutputBuilder) -> EnterpriseRecord? {
        var code: Identifier?
        if let spec = output.fields["code"] {
            let selected = extraction.text(spec, field: "code")
            builder.note(selected.findings, field: "code")
            if let text = selected.text, !text.isEmpty {
                let normalized = EnterpriseCode.normalize(text)
                builder.note(normalized.findings, field: "code")
                code = normalized.value ?? Identifier(type: .enterpriseCode, value: text, isValid: false)
                if spec.required == true, code?.isValid != true || normalized.hasError {
                    builder.invalid("code", value: text, spec: spec, found: normalized.findings)
                }
            } else {
                builder.missing("code", spec: spec)
            }
        }
        let name = textField("name", output, extraction, &builder, required: true)
        var status: EnterpriseStatus?
        if let text = textField("status", output, extraction, &builder) {
            status = EnterpriseStatus(rawValue: text)
            if status == nil {
                status = .unknown
                builder.note([Finding(rule: "enterprise.status_unknown", severity: .warning, message: "the status is not a known enterprise status")], field: "status")
            }
        }
        let registered = dateField("registration_date", output, extraction, &builder)
        let address = addressField(output.address, extraction, &builder)
        guard let code, let name else { return nil }
        return EnterpriseRecord(code: code.value, codeIsValid: code.isValid, name: name, status: status, registrationDate: registered, address: address)
    }
}
