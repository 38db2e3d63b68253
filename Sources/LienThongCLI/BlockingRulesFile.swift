import Matching
import YAML

/// Reads the blocking rules `resolve --train --blocking FILE` trains with (YAML, the mappings' loader; every error
/// reported at once as `file:line:col: error: …`):
///
/// ```yaml
/// rules:
///   - name: full_name_birth_year
///     parts: [folded_full_name, birth_year]
///   - name: birth_date
///     parts: [birth_date]
/// ```
///
/// Each rule's key joins the values of its parts; a mention missing any part has no key under that rule.
enum BlockingRulesFile {
    static func load(path: String) throws(ServiceConfigurationError) -> [BlockingRule] {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(contentsOf: path)
        } catch {
            throw ServiceConfigurationError(lines: error.errors.map(\.description))
        }
        var errors = root.checkKeys(allowed: ["rules"], required: ["rules"], context: "a blocking rules file")
        var rules: [BlockingRule] = []
        if let list = root["rules"] {
            do {
                let items = try list.sequence()
                if items.isEmpty { errors.append(list.error("blocking.empty", "at least one blocking rule is needed")) }
                for item in items {
                    switch rule(item) {
                    case .success(let rule):
                        if rules.contains(where: { $0.name == rule.name }) {
                            errors.append(item.error("blocking.duplicate", "a second rule named '\(rule.name)'"))
                        }
                        rules.append(rule)
                    case .failure(let problems): errors += problems.errors
                    }
                }
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw ServiceConfigurationError(lines: errors.map(\.description)) }
        return rules
    }

    private struct Problems: Error { var errors: [YAMLError] }

    private static func rule(_ node: YAMLNode) -> Result<BlockingRule, Problems> {
        var errors = node.checkKeys(allowed: ["name", "parts"], required: ["name", "parts"], context: "a blocking rule")
        var name: String?
        var parts: [BlockingKeyPart] = []
        do {
            if let nameNode = node["name"] {
                let text = try nameNode.string()
                if text.isEmpty || !text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) {
                    errors.append(nameNode.error("blocking.name", "a rule name is lower-case letters, digits and '_', found '\(text)'"))
                } else {
                    name = text
                }
            }
            if let partsNode = node["parts"] {
                let items = try partsNode.sequence()
                if items.isEmpty { errors.append(partsNode.error("blocking.parts", "a rule needs at least one part")) }
                let known = BlockingKeyPart.allCases.map(\.rawValue)
                for item in items {
                    let text = try item.string()
                    guard let part = BlockingKeyPart(rawValue: text) else {
                        errors.append(
                            item.error(
                                "blocking.unknown_part", "unknown part '\(text)'; known: \(known.joined(separator: ", "))",
                                suggestion: EditDistance.nearest(to: text, in: known)))
                        continue
                    }
                    if parts.contains(part) { errors.append(item.error("blocking.parts", "part '\(text)' appears twice")) }
                    parts.append(part)
                }
            }
        } catch {
            errors.append(error)
        }
        guard errors.isEmpty, let name else { return .failure(Problems(errors: errors)) }
        return .success(BlockingRule(name: name, parts: parts))
    }
}
