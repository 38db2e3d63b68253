extension YAMLNode {
    /// Checks a mapping node against a key set: every key must be in `allowed`, every `required` key present.
    /// An unknown key yields `yaml.unknown_key` at the key with the nearest allowed name as suggestion; a
    /// missing key yields `yaml.missing_key` at this node. A node that is not a mapping yields `yaml.type`.
    public func checkKeys(allowed: [String], required: [String] = [], context: String? = nil) -> [YAMLError] {
        guard case .mapping(let pairs) = content else {
            let what = context.map { "\($0) must be a mapping" } ?? "expected a mapping"
            return [error("yaml.type", "\(what), found \(shapeName)")]
        }
        var errors: [YAMLError] = []
        let place = context.map { " in \($0)" } ?? ""
        for pair in pairs where !allowed.contains(pair.name) {
            errors.append(
                pair.key.error(
                    "yaml.unknown_key", "unknown key '\(pair.name)'\(place); allowed: \(allowed.joined(separator: ", "))",
                    suggestion: EditDistance.nearest(to: pair.name, in: allowed)))
        }
        for name in required where !pairs.contains(where: { $0.name == name }) {
            errors.append(error("yaml.missing_key", "missing required key '\(name)'\(place)"))
        }
        return errors
    }
}
