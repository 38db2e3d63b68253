import Domain
import Hashing
import Storage

/// API key tokens: `lt_<id>_<secret>` — `id` (16 hex digits) finds the stored key, `secret` (64 hex digits,
/// 256 random bits) is checked against its SHA-256. The token is shown once, at creation; the store never holds it.
public enum APIKeyToken {
    /// A token's parts: the key id (which row) and the secret (checked against that row's SHA-256).
    public typealias Credentials = (id: String, secret: String)

    /// A new key: the token to hand out, and what to store.
    public static func generate(role: APIRole, jurisdiction: Jurisdiction, label: String?, at time: String) -> (token: String, key: APIKey) {
        let id = Digest.hex(Digest.randomBytes(8))
        let secret = Digest.hex(Digest.randomBytes(32))
        let key = APIKey(
            id: id, secretHash: Digest.sha256Hex(secret), role: role, jurisdiction: jurisdiction, label: label, createdAt: time)
        return ("lt_\(id)_\(secret)", key)
    }

    /// The id and secret of a well-formed token, else nil.
    /// Checked on UTF-8 bytes (it runs on every request): `lt_`, 16 lowercase hex digits, `_`, 64 of them.
    public static func parse(_ token: String) -> Credentials? {
        let bytes = token.utf8
        guard bytes.count == 3 + 16 + 1 + 64 else { return nil }
        for (offset, byte) in bytes.enumerated() {
            switch offset {
            case 0: guard byte == UInt8(ascii: "l") else { return nil }
            case 1: guard byte == UInt8(ascii: "t") else { return nil }
            case 2, 19: guard byte == UInt8(ascii: "_") else { return nil }
            default:
                guard (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
                else { return nil }
            }
        }
        let id = token.utf8.index(token.utf8.startIndex, offsetBy: 3)
        let secret = token.utf8.index(id, offsetBy: 17)
        return (String(token[id..<token.utf8.index(id, offsetBy: 16)]), String(token[secret...]))
    }

    /// True when `secret` hashes to `key`'s stored hash (compared in constant time).
    public static func matches(secret: String, key: APIKey) -> Bool {
        Digest.constantTimeEqual(Array(Digest.sha256Hex(secret).utf8), Array(key.secretHash.utf8))
    }
}
