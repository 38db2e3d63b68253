import Domain
import Storage

/// Webhook subscriptions and their cursors.
extension SQLTransaction {
    private static let webhookColumns =
        "id, key_id, url, secret, status, cursor, failures, next_attempt_at, last_error, last_delivered_at, created_at"

    private func webhookSubscription(_ statement: any SQLStatement) throws -> WebhookSubscription {
        guard let status = WebhookSubscription.Status(rawValue: statement.text(4)) else {
            throw StoreError.corruptRow("webhook subscription \(statement.text(0))")
        }
        return WebhookSubscription(
            id: statement.text(0), keyID: statement.text(1), url: statement.text(2), secret: statement.text(3), status: status,
            cursor: statement.int(5), failures: Int(statement.int(6)), nextAttemptAt: statement.optionalText(7),
            lastError: statement.optionalText(8), lastDeliveredAt: statement.optionalText(9), createdAt: statement.text(10))
    }

    func webhookSubscriptions() throws -> [WebhookSubscription] {
        let statement = try connection.statement("SELECT \(Self.webhookColumns) FROM webhook_subscriptions ORDER BY created_at, id")
        return try statement.rows { statement in try webhookSubscription(statement) }
    }

    func webhookSubscription(id: String) throws -> WebhookSubscription? {
        let statement = try connection.statement("SELECT \(Self.webhookColumns) FROM webhook_subscriptions WHERE id = ?").bind(.text(id))
        defer { statement.reset() }
        return try statement.step() ? try webhookSubscription(statement) : nil
    }

    func putWebhookSubscription(_ subscription: WebhookSubscription) throws {
        try connection.statement(
            """
            INSERT INTO webhook_subscriptions (\(Self.webhookColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, url = excluded.url, secret = excluded.secret, status = excluded.status,
                cursor = excluded.cursor, failures = excluded.failures, next_attempt_at = excluded.next_attempt_at,
                last_error = excluded.last_error, last_delivered_at = excluded.last_delivered_at, created_at = excluded.created_at
            """)
            .bind(
                .text(subscription.id), .text(subscription.keyID), .text(subscription.url), .text(subscription.secret),
                .text(subscription.status.rawValue), .int(subscription.cursor), .int(Int64(subscription.failures)),
                .optional(subscription.nextAttemptAt), .optional(subscription.lastError), .optional(subscription.lastDeliveredAt),
                .text(subscription.createdAt)
            ).run()
    }

    func deleteWebhookSubscription(id: String) throws -> Bool {
        try connection.statement("DELETE FROM webhook_subscriptions WHERE id = ?").bind(.text(id)).runCountingChanges() > 0
    }
}
