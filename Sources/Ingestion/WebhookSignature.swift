import Hashing

/// The `X-LienThong-Signature` header of a webhook delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256>`.
///
/// The MAC covers `"<t>." + body` under the subscription's secret, so a receiver can check both that the body came
/// from us unaltered and that it is recent (a captured request replayed later fails the timestamp check). Several
/// `v1=` entries may appear (e.g. while a secret is rotated); one matching entry is enough.
public enum WebhookSignature {
    /// The header value for `body` sent at `timestamp` (Unix seconds).
    public static func header(secret: [UInt8], timestamp: Int, body: [UInt8]) -> String {
        "t=\(timestamp),v1=\(mac(secret: secret, timestamp: timestamp, body: body))"
    }

    /// Whether `header` signs `body` under `secret` with a timestamp within `tolerance` seconds of `now` (either
    /// side). Malformed headers are rejected. The MAC comparison takes the same time whatever bytes differ.
    public static func verify(header: String, secret: [UInt8], body: [UInt8], now: Int, tolerance: Int = 300) -> Bool {
        var timestamp: Int?
        var candidates: [Substring] = []
        for field in header.split(separator: ",") {
            let pair = field.trimmingPrefixSpaces().split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return false }
            switch pair[0] {
            case "t":
                guard timestamp == nil, pair[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(pair[1]) else {
                    return false
                }
                timestamp = value
            case "v1": candidates.append(pair[1])
            default: continue  // unknown schemes are ignored, so new ones can be added later
            }
        }
        guard let timestamp, !candidates.isEmpty else { return false }
        let (age, overflow) = now.subtractingReportingOverflow(timestamp)
        guard !overflow, age.magnitude <= UInt(max(0, tolerance)) else { return false }
        let expected = Array(mac(secret: secret, timestamp: timestamp, body: body).utf8)
        var matched = false
        for candidate in candidates where Digest.constantTimeEqual(expected, Array(candidate.utf8)) { matched = true }
        return matched
    }

    /// Hex HMAC-SHA256 of `"<timestamp>." + body`.
    static func mac(secret: [UInt8], timestamp: Int, body: [UInt8]) -> String {
        Digest.hex(Digest.hmacSHA256(key: secret, message: Array("\(timestamp).".utf8) + body))
    }
}

extension Substring {
    fileprivate func trimmingPrefixSpaces() -> Substring { drop(while: { $0 == " " }) }
}
