import Domain
import Storage
import YAML

extension ServiceConfigurationLoader.Reader {
    static let keyKeys = ["id", "secret_sha256", "role", "jurisdiction", "label"]

    /// `keys:` — API keys declared in the configuration (`lienthong keys create --config-entry` prints an entry):
    /// the id, the SHA-256 of the token's secret (no secret is ever written here), role, jurisdiction and label.
    mutating func keys(_ node: YAMLNode) -> [APIKey] {
        guard let items = attempt({ () throws(YAMLError) in try node.sequence() }) else { return [] }
        var keys: [APIKey] = []
        for item in items {
            errors += item.checkKeys(allowed: Self.keyKeys, required: ["id", "secret_sha256", "role", "jurisdiction"], context: "a key")
            func text(_ name: String) -> (YAMLNode, String)? {
                guard let value = item[name], let text = attempt({ () throws(YAMLError) in try value.string() }) else { return nil }
                return (value, text)
            }
            var valid = true
            func check(_ name: String, _ ok: (String) -> Bool, _ message: String) -> String? {
                guard let (value, found) = text(name) else {
                    valid = false
                    return nil
                }
                guard ok(found) else {
                    errors.append(value.error("config.key", "\(name): \(message), found '\(found)'"))
                    valid = false
                    return nil
                }
                return found
            }
            let isLowerHex = { (text: String, count: Int) in text.count == count && text.allSatisfy { $0.isHexDigit && !$0.isUppercase } }
            let id = check("id", { isLowerHex($0, 16) }, "expected the 16 lowercase hex digits of a key id")
            let hash = check("secret_sha256", { isLowerHex($0, 64) }, "expected the 64 lowercase hex digits of a SHA-256")
            let role = check("role", { APIRole(rawValue: $0) != nil }, "expected reader, operator or steward").flatMap(APIRole.init(rawValue:))
            let jurisdiction = check(
                "jurisdiction", { Jurisdiction(parsing: $0) != nil }, "expected national or 2-digit province / 5-digit commune codes"
            ).flatMap(Jurisdiction.init(parsing:))
            let label = text("label")?.1
            guard valid, let id, let hash, let role, let jurisdiction else { continue }
            if keys.contains(where: { $0.id == id }) {
                errors.append((item["id"] ?? item).error("config.duplicate", "the key \(id) is declared twice"))
                continue
            }
            keys.append(APIKey(id: id, secretHash: hash, role: role, jurisdiction: jurisdiction, label: label, createdAt: "", configured: true))
        }
        return keys
    }
}
