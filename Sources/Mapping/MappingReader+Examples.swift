import Domain
import YAML

extension MappingReader {
    /// One entry of `examples`: `{record, expect, links, findings, quarantined}`.
    mutating func example(_ node: YAMLNode, index: Int, outputs: [OutputSpec]) -> MappingExample? {
        let what = "examples[\(index)]"
        guard check(node, allowed: ["record", "expect", "links", "findings", "quarantined"], required: ["record"], context: what),
            let recordNode = node["record"]
        else { return nil }
        guard case .mapping = recordNode.content else {
            fail(recordNode, "mapping.type", "\(what).record must be a mapping (a raw record), found \(recordNode.shapeName)")
            return nil
        }
        var expected: [String: [MappingExample.Expectation]] = [:]
        if let expect = node["expect"] {
            let ids = outputs.map(\.id)
            _ = check(expect, allowed: ids, context: "\(what).expect")
            for pair in expect.pairs {
                guard let output = outputs.first(where: { $0.id == pair.name }) else { continue }
                let fieldNames = MentionRendering.fieldNames(for: output.kind)
                _ = check(pair.value, allowed: fieldNames, context: "\(what).expect.\(output.id)")
                expected[output.id] = pair.value.pairs.compactMap { field in
                    guard fieldNames.contains(field.name), let value = string(field.value, "\(what).expect.\(output.id).\(field.name)")
                    else { return nil }
                    return MappingExample.Expectation(field: field.name, value: value, location: field.value.sourceLocation)
                }
            }
        }
        let links = node["links"].map { list in
            strings(list, "\(what).links").compactMap { name, item in
                choice(item, "\(what).links", in: LinkType.allCases.map(\.rawValue)).flatMap(LinkType.init(rawValue:))
            }
        }
        let findings = strings(node["findings"], "\(what).findings").map(\.0)
        let quarantined = node["quarantined"].map { strings($0, "\(what).quarantined").map(\.0) }
        if quarantined != nil, node["expect"] != nil {
            fail(node, "mapping.conflict", "\(what) expects both mentions and quarantine; keep one")
        }
        return MappingExample(
            index: index, location: node.sourceLocation, record: Self.rawNode(recordNode), expected: expected, links: links,
            findings: findings, quarantined: quarantined)
    }

    /// A YAML node as a raw record value: every scalar is text, lists are lists, mappings are objects.
    static func rawNode(_ node: YAMLNode) -> RawNode {
        switch node.content {
        case .scalar(let text, _): return .text(text)
        case .sequence(let items): return .list(items.map(rawNode))
        case .mapping(let pairs): return .object(pairs.map { (key: $0.name, value: rawNode($0.value)) })
        }
    }
}
