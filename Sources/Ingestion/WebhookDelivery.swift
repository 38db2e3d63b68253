/// One webhook request to send: a JSON (or other) body POSTed to a subscriber's URL.
public struct WebhookDelivery: Hashable, Sendable {
    /// Names `X-LienThong-Signature` (see `WebhookSignature`).
    public static let signatureHeader = "X-LienThong-Signature"
    /// Carries `eventID`: the same on every retry, so the receiver can drop duplicates (delivery is at-least-once).
    public static let deliveryHeader = "X-LienThong-Delivery"

    /// Absolute http(s) URL of the subscriber, without credentials.
    public var url: String
    /// The exact bytes sent and signed.
    public var body: [UInt8]
    /// Unique per event (not per attempt): the idempotency key sent as `X-LienThong-Delivery`.
    public var eventID: String
    public var contentType: String
    /// Further request headers by name (e.g. `Authorization` for the subscriber). Names the sender sets itself
    /// (`Content-Type`, the two `X-LienThong-*` headers, `User-Agent`, `Host`, `Content-Length`, `Expect`,
    /// `Transfer-Encoding`) are refused.
    public var headers: [String: String]

    public init(
        url: String, body: [UInt8], eventID: String, contentType: String = "application/json", headers: [String: String] = [:]
    ) {
        self.url = url
        self.body = body
        self.eventID = eventID
        self.contentType = contentType
        self.headers = headers
    }

    static let reservedHeaders: Set<String> = [
        "content-type", "content-length", "host", "expect", "transfer-encoding", "user-agent",
        signatureHeader.lowercased(), deliveryHeader.lowercased(),
    ]

    /// The request header lines every attempt shares (the signature, fresh per attempt, is added by the sender).
    /// Throws a reason string for a header that cannot be sent safely: a bad name, a line break in a value, or a
    /// reserved name.
    func fixedHeaderLines() throws(WebhookError.Reason) -> [String] {
        let extra = headers.sorted(by: { $0.key < $1.key })
        if let reserved = extra.first(where: { Self.reservedHeaders.contains($0.key.lowercased()) }) {
            throw .invalidRequest("the header \(reserved.key) is set by the webhook sender and cannot be overridden")
        }
        var lines: [String] = []
        for (name, value) in [("Content-Type", contentType), (Self.deliveryHeader, eventID)] + extra {
            guard Self.isToken(name) else { throw .invalidRequest("the header name \"\(name)\" is not a valid token") }
            guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw .invalidRequest("the value of header \(name) contains a line break or NUL")
            }
            // `Name:` with an empty value would make libcurl drop the header: `Name;` sends it empty.
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        return lines
    }

    /// RFC 9110 token characters.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
        }
    }
}
