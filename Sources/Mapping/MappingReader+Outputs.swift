import Domain
import YAML

extension MappingReader {
    /// Canonical field names an output of each kind accepts under `fields`.
    static func fieldNames(for kind: EntityKind) -> [String] {
        switch kind {
        case .person: return ["name", "birth_date", "sex", "identifiers", "address", "phone", "household", "household_relation"]
        case .parcel: return ["commune", "scheme", "sheet", "number", "area", "land_use", "certificate", "address"]
        case .enterprise: return ["code", "name", "status", "registration_date", "address"]
        }
    }

    /// Fields a kind cannot do without (the canonical record has no place for their absence).
    static func mandatoryFields(for kind: EntityKind) -> [String] {
        switch kind {
        case .person: return ["name"]
        case .parcel: return ["commune", "sheet", "number"]
        case .enterprise: return ["code", "name"]
        }
    }

    /// One entry of `outputs`.
    mutating func output(_ node: YAMLNode, index: Int) -> OutputSpec? {
        let what = "outputs[\(index)]"
        guard check(node, allowed: ["id", "kind", "key", "when", "fields"], required: ["id", "kind", "fields"], context: what)
        else { return nil }
        let id = string(node["id"], "\(what).id")
        let kindName = choice(node["kind"], "\(what).kind", in: EntityKind.allCases.map(\.rawValue))
        let key = node["key"].flatMap { field($0, "\(what).key") }
        let when = node["when"].flatMap { condition($0, "\(what).when") }
        guard let id, let kindName, let kind = EntityKind(rawValue: kindName), let fieldsNode = node["fields"] else { return nil }
        var spec = OutputSpec(id: id, kind: kind, key: key, when: when, fields: [:], identifiers: [], address: nil, scheme: nil, location: node.sourceLocation)
        let names = Self.fieldNames(for: kind)
        guard check(fieldsNode, allowed: names, required: Self.mandatoryFields(for: kind), context: "\(what).fields (\(kind.rawValue))")
        else { return nil }
        for pair in fieldsNode.pairs where names.contains(pair.name) {
            let fieldWhat = "\(id).\(pair.name)"
            switch pair.name {
            case "identifiers":
                spec.identifiers = identifiers(pair.value, fieldWhat)
            case "address":
                spec.address = address(pair.value, fieldWhat)
            case "scheme":
                spec.scheme = choice(pair.value, fieldWhat, in: ["pre2025", "2025"]).flatMap(AdminScheme.init(rawValue:))
            default:
                if let field = field(pair.value, fieldWhat) { spec.fields[pair.name] = field }
            }
        }
        if kind == .parcel, spec.scheme == nil, fieldsNode["scheme"] == nil {
            fail(fieldsNode, "mapping.missing_key", "\(what).fields needs 'scheme' (pre2025 or 2025) for the parcel's commune code")
        }
        return spec
    }

    mutating func identifiers(_ node: YAMLNode, _ what: String) -> [IdentifierSpec] {
        guard case .sequence(let items) = node.content else {
            fail(node, "mapping.type", "\(what) must be a list of {type, from}, found \(node.shapeName)")
            return []
        }
        var specs: [IdentifierSpec] = []
        for (index, item) in items.enumerated() {
            let itemWhat = "\(what)[\(index)]"
            guard item.scalarText == nil else {
                fail(item, "mapping.type", "\(itemWhat) must be a mapping {type, from}")
                continue
            }
            let typeName = choice(item["type"], "\(itemWhat).type", in: IdentifierType.allCases.map(\.rawValue))
            if item["type"] == nil { fail(item, "mapping.missing_key", "missing required key 'type' in \(itemWhat)") }
            let when = item["when"].flatMap { condition($0, "\(itemWhat).when") }
            guard let value = field(item, itemWhat, extraKeys: ["type", "when"]), let typeName, let type = IdentifierType(rawValue: typeName)
            else { continue }
            specs.append(IdentifierSpec(type: type, value: value, when: when, required: value.required ?? false))
        }
        return specs
    }

    /// `{text: selector}`, a bare selector (free text), or `{commune, district, province, detail, scheme}`; the
    /// object forms may add `postal_code`.
    mutating func address(_ node: YAMLNode, _ what: String) -> AddressSpec? {
        if node.scalarText != nil { return field(node, what).map { AddressSpec(.text($0)) } }
        let codeKeys = ["commune", "district", "province", "detail", "scheme"]
        guard check(node, allowed: ["text", "postal_code"] + codeKeys, context: what) else { return nil }
        let postalCode = node["postal_code"].flatMap { field($0, "\(what).postal_code") }
        if let text = node["text"] {
            if let other = node.pairs.first(where: { codeKeys.contains($0.name) }) {
                fail(other.key, "mapping.conflict", "\(what) is either {text} or codes {commune, district, province, detail, scheme}, not both")
                return nil
            }
            return field(text, "\(what).text").map { AddressSpec(.text($0), postalCode: postalCode) }
        }
        guard node["commune"] != nil || node["province"] != nil else {
            fail(node, "mapping.missing_key", "\(what) needs 'text' or at least 'commune' or 'province'")
            return nil
        }
        let schemeName = node["scheme"].map { choice($0, "\(what).scheme", in: ["pre2025", "2025"]) } ?? "2025"
        let codes = AddressSpec.Form.codes(
            commune: node["commune"].flatMap { field($0, "\(what).commune") },
            district: node["district"].flatMap { field($0, "\(what).district") },
            province: node["province"].flatMap { field($0, "\(what).province") },
            detail: node["detail"].flatMap { field($0, "\(what).detail") },
            scheme: schemeName.flatMap(AdminScheme.init(rawValue:)) ?? .from2025)
        return AddressSpec(codes, postalCode: postalCode)
    }

    mutating func link(_ node: YAMLNode, index: Int, outputs: [OutputSpec]) -> LinkSpec? {
        let what = "links[\(index)]"
        guard check(node, allowed: ["type", "from", "to"], required: ["type", "from", "to"], context: what) else { return nil }
        let typeName = choice(node["type"], "\(what).type", in: LinkType.allCases.map(\.rawValue))
        let ids = outputs.map(\.id)
        let from = node["from"].flatMap { choice($0, "\(what).from", in: ids) }
        let to = node["to"].flatMap { choice($0, "\(what).to", in: ids) }
        guard let typeName, let type = LinkType(rawValue: typeName), let from, let to,
            let fromKind = outputs.first(where: { $0.id == from })?.kind, let toKind = outputs.first(where: { $0.id == to })?.kind
        else { return nil }
        let expected: (EntityKind, EntityKind) = switch type {
        case .ownsParcel: (.person, .parcel)
        case .legalRepresentativeOf: (.person, .enterprise)
        case .householdMember: (.person, .person)
        }
        guard fromKind == expected.0, toKind == expected.1 else {
            fail(node, "mapping.link_kinds", "\(type.rawValue) links a \(expected.0.rawValue) to a \(expected.1.rawValue), not \(fromKind.rawValue) → \(toKind.rawValue)")
            return nil
        }
        return LinkSpec(type: type, from: from, to: to, location: node.sourceLocation)
    }
}
