/// A subscriber's URL to which the feed is pushed, scoped by the API key it was made for. Its `cursor` is the last
/// feed sequence the subscriber acknowledged (a 2xx): delivery is at-least-once from there, across restarts.
public struct WebhookSubscription: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Delivered to whenever new events arrive (after `nextAttemptAt` when a delivery failed).
        case active
        /// Stopped by an operator (`lienthong webhooks pause`); the cursor stays where it was.
        case paused
        /// The subscriber answered 410 Gone: it unsubscribed. Never delivered to again unless resumed.
        case gone
        /// Its API key was revoked: the jurisdiction it was scoped by no longer exists.
        case disabled
    }

    /// `wh_` + 16 hex digits.
    public var id: String
    /// The API key whose jurisdiction decides which events are sent (a revoked key stops the subscription).
    public var keyID: String
    /// Absolute http(s) URL without credentials.
    public var url: String
    /// The HMAC-SHA256 key of the `X-LienThong-Signature` header, hex. Kept in the store because signing needs it;
    /// shown once, when the subscription is created.
    public var secret: String
    public var status: Status
    /// The last feed sequence acknowledged (or skipped because it is outside the key's jurisdiction).
    public var cursor: Int64
    /// Failed deliveries since the last success (drives the back-off).
    public var failures: Int
    /// RFC 3339 UTC: no delivery before this time (back-off after a failure); nil = at once.
    public var nextAttemptAt: String?
    public var lastError: String?
    public var lastDeliveredAt: String?
    public var createdAt: String

    public init(
        id: String, keyID: String, url: String, secret: String, status: Status = .active, cursor: Int64, failures: Int = 0,
        nextAttemptAt: String? = nil, lastError: String? = nil, lastDeliveredAt: String? = nil, createdAt: String
    ) {
        self.id = id
        self.keyID = keyID
        self.url = url
        self.secret = secret
        self.status = status
        self.cursor = cursor
        self.failures = failures
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.lastDeliveredAt = lastDeliveredAt
        self.createdAt = createdAt
    }
}

/// Reads of the webhook subscriptions.
public protocol WebhookReader {
    func webhookSubscriptions() throws -> [WebhookSubscription]
    func webhookSubscription(id: String) throws -> WebhookSubscription?
}

/// Writes of the webhook subscriptions.
public protocol WebhookWriter {
    /// Inserts the subscription or replaces the one with the same id.
    func putWebhookSubscription(_ subscription: WebhookSubscription) throws
    /// Deletes a subscription; false when there is none with this id.
    func deleteWebhookSubscription(id: String) throws -> Bool
}
