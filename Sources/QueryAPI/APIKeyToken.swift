import Domain
import Hashing
import Storage

/// API key tokens: `lt_<id>_<secret>` — `id` (16 hex digits) finds the stored key, `secret` (64 hex digits,
/// 256 random bits) is checked against its SHA-256. The token is shown once, at creation; the store never holds it.
public enum APIKeyToken {
    /// A new key: the token to hand out, and what to store.
    public static func generate(role: APIRole, jurisdiction: Jurisdiction, label: String?, at time: String) -> (token: String, key: APIKey) {
        let id = Digest.hex(Digest.randomBytes(8))
        let secret = Digest.hex(Digest.randomBytes(32))
        let key = APIKey(
            id: id, secretHash: Digest.sha256Hex(secret), role: role, jurisdiction: jurisdiction, label: label, createdAt: time)
        return ("lt_\(id)_\(secret)", key)
    }

    /// The id and secret of a well-formed token, else nil.
    public static func parse(_ token: String) -> (id: String, secret: String)? {
        let parts = token.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "lt", parts[1].count == 16, parts[2].count == 64,
            (parts[1] + parts[2]).allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        return (String(parts[1]), String(parts[2]))
    }

    /// True when `secret` hashes to `key`'s stored hash (compared in constant time).
    public static func matches(secret: String, key: APIKey) -> Bool {
        Digest.constantTimeEqual(Array(Digest.sha256Hex(secret).utf8), Array(key.secretHash.utf8))
    }
}
