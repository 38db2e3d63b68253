import Domain
import Foundation
import Ingestion
import Publication
import Storage

/// Pushes the feed to webhook subscribers: at-least-once, in order, one batch in flight per subscription.
///
/// Each round, every active subscription that is not backing off gets the next events after its cursor within its
/// key's jurisdiction, as one `application/cloudevents-batch+json` POST (a JSON array of CloudEvents) signed with
/// its secret. A 2xx moves the cursor past the batch; 410 marks the subscription `gone`; any other ending (4xx,
/// 5xx, timeout, refused connection, redirect) counts a failure and backs off (exponential with jitter, persisted,
/// so a restart does not hammer a broken subscriber) and the same events are sent again later. A subscription
/// whose key was revoked is `disabled`. The cursor lives in the store, so a restart resumes where it left off;
/// the `X-LienThong-Delivery` id is the subscription and the first sequence of the batch, and every event keeps
/// its own CloudEvents `id`, so a receiver can drop what it already has.
final class WebhookDispatcher: Sendable {
    /// What one subscription's turn in a round did.
    enum Turn: Equatable {
        case delivered(events: Int, through: Int64)
        /// No new event in the key's jurisdiction (the cursor may still have advanced past other events).
        case caughtUp
        case backingOff
        case failed(String)
        case gone
        case disabled
    }

    let store: any Store
    let sender: WebhookSender
    let encoder: CloudEventEncoder
    let batchSize: Int
    /// Back-off between failed deliveries (a subscription is retried until it succeeds, is paused or answers 410).
    /// The default's equal jitter waits at least half of each ceiling: 5–10 s first, at most 30–60 min.
    let backoff: Backoff

    init(
        store: any Store, encoder: CloudEventEncoder = CloudEventEncoder(), batchSize: Int = 100,
        backoff: Backoff = Backoff(base: 10, cap: 3_600, jitter: .equal), timeout: Double = 15
    ) {
        self.store = store
        self.encoder = encoder
        self.batchSize = batchSize
        self.backoff = backoff
        // Retries are the dispatcher's (persisted back-off), never inside one send: one broken subscriber must
        // not hold up the others for minutes.
        var options = HTTPFetchOptions()
        options.connectTimeout = min(5, timeout)
        options.timeout = timeout
        options.retry = RetryPolicy(retries: 0)
        sender = WebhookSender(options: options)
    }

    /// One turn for every subscription, in creation order.
    /// Several daemons on one store: a round runs on the daemon that claims the deliveries, so each subscription
    /// has one batch in flight, in order; the others deliver nothing this round.
    func round(now: Date = Date()) throws -> [(id: String, turn: Turn)] {
        guard let claim = try store.claimJob(Self.claimName) else { return [] }
        defer { claim.release() }
        return try store.read { try $0.webhookSubscriptions() }.filter { $0.status == .active }.map { ($0.id, try turn($0.id, now: now)) }
    }

    /// The job name under which webhook rounds are claimed (not a source name: those come from the configuration,
    /// where a name with a space cannot be given).
    static let claimName = "webhook deliveries"

    /// What `deliverUntilIdle` did for one subscription: events delivered, the cursor reached, the last turn.
    struct Progress: Equatable {
        var events = 0
        var through: Int64?
        var last: Turn
    }

    /// Rounds until no subscription delivers anything more (each is caught up, backing off or stopped), at most
    /// `maxRounds`.
    func deliverUntilIdle(now: () -> Date = Date.init, maxRounds: Int = 10_000) throws -> [String: Progress] {
        var progress: [String: Progress] = [:]
        for _ in 0..<maxRounds {
            let turns = try round(now: now())
            var delivered = false
            for (id, turn) in turns {
                var entry = progress[id] ?? Progress(last: turn)
                if case .delivered(let events, let through) = turn {
                    entry.events += events
                    entry.through = through
                    delivered = true
                }
                // A failure stays the answer for a subscription that then waits out its back-off.
                if !(turn == .backingOff && entry.last != .caughtUp && progress[id] != nil) { entry.last = turn }
                progress[id] = entry
            }
            guard delivered else { break }
        }
        return progress
    }

    /// One subscription's turn: at most one batch.
    func turn(_ id: String, now: Date) throws -> Turn {
        let state = try store.read { reader -> (WebhookSubscription, APIKey?)? in
            guard let subscription = try reader.webhookSubscription(id: id) else { return nil }
            return (subscription, try reader.apiKey(id: subscription.keyID))
        }
        guard let (subscription, key) = state, subscription.status == .active else { return .caughtUp }
        guard let key, key.revokedAt == nil else {
            try update(id) { $0.status = .disabled; $0.lastError = "the API key \(subscription.keyID) was revoked" }
            ServiceLog.write(.warn, "webhook disabled", [("subscription", .text(id)), ("reason", "key revoked")])
            return .disabled
        }
        if let next = subscription.nextAttemptAt, next > Clock.text(now) { return .backingOff }
        let (events, scanned) = try store.read { try $0.feed(after: subscription.cursor, limit: batchSize, within: key.jurisdiction) }
        guard let first = events.first, let lastEvent = events.last else {
            if scanned > subscription.cursor { try update(id) { $0.cursor = max($0.cursor, scanned) } }
            return .caughtUp
        }
        let body = Array(("[" + events.map(encoder.jsonLine).joined(separator: ",") + "]").utf8)
        let delivery = WebhookDelivery(
            url: subscription.url, body: body, eventID: "\(subscription.id)-\(first.sequence)",
            contentType: "application/cloudevents-batch+json")
        let outcome = sender.send(delivery, secret: Array(subscription.secret.utf8))
        let time = Clock.text(now)
        switch outcome {
        case .delivered:
            let through = max(lastEvent.sequence, events.count < batchSize ? scanned : lastEvent.sequence)
            try update(id) {
                $0.cursor = max($0.cursor, through)
                $0.failures = 0
                $0.nextAttemptAt = nil
                $0.lastError = nil
                $0.lastDeliveredAt = time
            }
            ServiceLog.write(
                .info, "webhook delivered", [("subscription", .text(id)), ("events", .int(Int64(events.count))), ("through", .int(through))])
            return .delivered(events: events.count, through: through)
        case .gone:
            try update(id) { $0.status = .gone; $0.lastError = outcome.description }
            ServiceLog.write(.warn, "webhook gone", [("subscription", .text(id))])
            return .gone
        case .rejected, .failed:
            var generator = SystemRandomNumberGenerator()
            let failures = subscription.failures + 1
            let wait = backoff.delay(attempt: failures, using: &generator)
            try update(id) {
                $0.failures = failures
                $0.nextAttemptAt = Clock.text(now.addingTimeInterval(wait))
                $0.lastError = outcome.description
            }
            ServiceLog.write(
                .warn, "webhook failed",
                [("subscription", .text(id)), ("failures", .int(Int64(failures))), ("retry_in_s", .double(wait)), ("error", .text(outcome.description))])
            return .failed(outcome.description)
        }
    }

    /// Re-reads the subscription in the write transaction (an operator may have paused or deleted it meanwhile)
    /// and applies `change`; nothing when it is gone.
    private func update(_ id: String, _ change: (inout WebhookSubscription) -> Void) throws {
        try store.write { transaction in
            guard var subscription = try transaction.webhookSubscription(id: id) else { return }
            change(&subscription)
            try transaction.putWebhookSubscription(subscription)
        }
    }
}
