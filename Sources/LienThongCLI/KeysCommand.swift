import Domain
import QueryAPI
import Storage

/// `lienthong keys`: API keys with a role and a jurisdiction; only their hashes are stored.
enum KeysCommand {
    static let command = Command(
        name: "keys", summary: "API keys: create (shown once), list, revoke",
        usage: "create --role reader|operator|steward --jurisdiction national|CODES [--label TEXT] [--config-entry] [--json] | list [--json] "
            + "| revoke ID",
        options: [
            .value("--role", "R", "create: reader (read records and the feed), operator (also access logs), steward"),
            .value("--jurisdiction", "CODES", "create: 'national', or 2025 province (2 digits) and commune (5 digits) codes, comma-separated"),
            .value("--label", "TEXT", "create: who the key is for"),
            .flag("--config-entry", "create: print an entry for the daemon configuration's keys: instead of storing the key"),
        ],
        examples: [
            "lienthong keys create --role reader --jurisdiction 26734 --label 'xã Phú Xuân' --json",
            "lienthong keys create --role operator --jurisdiction national", "lienthong keys list", "lienthong keys revoke 3f9a1c0e5b7d2a41",
            "lienthong keys create --role reader --jurisdiction 26734 --label 'xã Phú Xuân' --config-entry",
        ],
        details: """
            The token (lt_<id>_<secret>) is printed once; the store keeps only its SHA-256. A commune key sees only
            entities with a current address or a parcel in its commune, in reads, searches, links and the feed.
            Revoking takes effect on the next request.

            Keys can also be declared in the daemon's configuration (keys:), so that they are provisioned with it:
            --config-entry prints the token and a YAML entry holding the key's id and the SHA-256 of its secret (never
            the secret). The daemon creates or updates declared keys at start and on reload, and revokes the ones
            removed from the file; such keys are listed as 'configuration' and cannot be revoked here.
            """,
        run: run)

    struct Created: Encodable {
        var id: String
        var token: String
        var role: String
        var jurisdiction: String
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        switch arguments.positionals.first {
        case "create":
            guard let role = arguments.value("--role").flatMap(APIRole.init(rawValue:)) else {
                throw UsageError(message: "give --role reader, operator or steward", verb: "keys")
            }
            guard let text = arguments.value("--jurisdiction"), let jurisdiction = Jurisdiction(parsing: text) else {
                throw UsageError(message: "give --jurisdiction national or 2-digit province / 5-digit commune codes", verb: "keys")
            }
            let (token, key) = APIKeyToken.generate(role: role, jurisdiction: jurisdiction, label: arguments.value("--label"), at: Clock.now())
            if arguments.has("--config-entry") {
                if context.wantsJSON {
                    try context.console.json(["id": key.id, "token": token, "secretSHA256": key.secretHash, "entry": configEntry(key)])
                } else {
                    context.console.out("token (give it to the client; it is not shown again): \(token)")
                    context.console.out("configuration entry (under keys:):")
                    context.console.out(configEntry(key))
                }
                return ExitCode.ok
            }
            try context.store().write { try $0.putAPIKey(key) }
            let created = Created(id: key.id, token: token, role: role.rawValue, jurisdiction: jurisdiction.description)
            if context.wantsJSON {
                try context.console.json(created)
            } else {
                context.console.out("key \(key.id) (\(role.rawValue), \(jurisdiction)): \(token)")
                context.console.out("store the token now: it is not shown again")
            }
        case "list":
            let keys = try context.store().read { try $0.apiKeys() }
            if context.wantsJSON {
                try context.console.json(keys.map { KeyRow($0) })
            } else {
                for key in keys {
                    context.console.out(
                        "\(key.id)  \(key.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(key.jurisdiction)  created \(key.createdAt)"
                            + (key.revokedAt.map { "  REVOKED \($0)" } ?? "") + (key.configured ? "  (configuration)" : "")
                            + (key.label.map { "  \($0)" } ?? ""))
                }
            }
        case "revoke":
            guard arguments.positionals.count == 2 else { throw UsageError(message: "expected revoke ID", verb: "keys") }
            let id = arguments.positionals[1]
            if try context.store().read({ try $0.apiKey(id: id) })?.configured == true {
                context.console.error("lienthong keys: the key \(id) is declared in the daemon's configuration: remove it there and reload")
                return ExitCode.failure
            }
            guard try context.store().write({ try $0.revokeAPIKey(id: id, at: Clock.now()) }) else {
                context.console.error("lienthong keys: no active key \(id)")
                return ExitCode.failure
            }
            context.console.out("revoked \(id)")
        default:
            throw UsageError(message: "expected create, list or revoke", verb: "keys")
        }
        return ExitCode.ok
    }

    /// The YAML entry of `key` for the configuration's `keys:` list. Text values are JSON string literals, which are
    /// YAML double-quoted scalars: codes keep their leading zeros, a label any character.
    static func configEntry(_ key: APIKey) -> String {
        var lines = [
            "  - id: \(key.id)", "    secret_sha256: \(key.secretHash)", "    role: \(key.role.rawValue)",
            "    jurisdiction: \(JSONText.quote(key.jurisdiction.description))",
        ]
        if let label = key.label { lines.append("    label: \(JSONText.quote(label))") }
        return lines.joined(separator: "\n")
    }

    /// A key as listed: never its hash.
    struct KeyRow: Encodable {
        var id: String
        var role: String
        var jurisdiction: String
        var label: String?
        var createdAt: String
        var revokedAt: String?
        var configured: Bool

        init(_ key: APIKey) {
            id = key.id
            role = key.role.rawValue
            jurisdiction = key.jurisdiction.description
            label = key.label
            createdAt = key.createdAt
            revokedAt = key.revokedAt
            configured = key.configured
        }
    }
}
