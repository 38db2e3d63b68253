import Domain
import Foundation
import Hashing
import Ingestion
import Storage

/// `lienthong webhooks`: push the feed to subscribers' URLs, scoped by an API key's jurisdiction.
enum WebhooksCommand {
    static let command = Command(
        name: "webhooks", summary: "webhook subscriptions: add (secret shown once), list, pause, resume, remove, deliver",
        usage: "add --key KEY_ID --url URL [--after SEQ] [--json] | list [--json] | pause ID | resume ID | remove ID | deliver",
        options: [
            .value("--key", "KEY_ID", "add: the API key whose jurisdiction scopes the events sent (a revoked key disables it)"),
            .value("--url", "URL", "add: the subscriber's http(s) URL (no credentials; redirects are not followed)"),
            .value("--after", "SEQ", "add: start after this feed sequence (default: the current head, i.e. new events only; 0 = all)"),
        ],
        examples: [
            "lienthong webhooks add --key 3f9a1c0e5b7d2a41 --url https://xa-phu-xuan.example.vn/lienthong/events --json",
            "lienthong webhooks list", "lienthong webhooks resume wh_5b7d2a413f9a1c0e", "lienthong webhooks deliver",
        ],
        details: """
            'lienthong serve' delivers continuously; 'deliver' runs rounds until every subscription is caught up or
            backing off (for cron, or to test a subscription). Each delivery is one POST of up to 100 events as
            application/cloudevents-batch+json, signed: X-LienThong-Signature: t=UNIX_SECONDS,v1=HEX where HEX is
            HMAC-SHA256 under the subscription's secret of "t." followed by the body. X-LienThong-Delivery is the same
            on every retry of a batch. Delivery is at-least-once: a 2xx advances the subscription's cursor; 410 Gone
            ends the subscription; anything else is retried later with exponential back-off (5 s doubling to 1 h).
            'resume' re-activates a paused, gone or disabled subscription and retries at once.
            """,
        run: run)

    struct Row: Encodable {
        var id: String
        var keyID: String
        var url: String
        var status: String
        var cursor: Int64
        var failures: Int
        var nextAttemptAt: String?
        var lastError: String?
        var lastDeliveredAt: String?
        var createdAt: String
        /// Only when just created.
        var secret: String?

        init(_ subscription: WebhookSubscription, showSecret: Bool = false) {
            id = subscription.id
            keyID = subscription.keyID
            url = subscription.url
            status = subscription.status.rawValue
            cursor = subscription.cursor
            failures = subscription.failures
            nextAttemptAt = subscription.nextAttemptAt
            lastError = subscription.lastError
            lastDeliveredAt = subscription.lastDeliveredAt
            createdAt = subscription.createdAt
            secret = showSecret ? subscription.secret : nil
        }
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let store = try context.store()
        switch arguments.positionals.first {
        case "add":
            let keyID = try arguments.required("--key", verb: "webhooks")
            let url = try arguments.required("--url", verb: "webhooks")
            if let why = HTTPFetcher.invalidity(of: url) {
                throw UsageError(message: "--url must be an absolute http(s) URL without credentials, not '\(url)': \(why)", verb: "webhooks")
            }
            let after = try arguments.value("--after").map { text -> Int64 in
                guard let value = Int64(text), value >= 0 else { throw UsageError(message: "--after expects a sequence ≥ 0", verb: "webhooks") }
                return value
            }
            let subscription = try store.write { transaction -> WebhookSubscription in
                guard let key = try transaction.apiKey(id: keyID), key.revokedAt == nil else {
                    throw UsageError(message: "no active API key \(keyID) (see 'lienthong keys list')", verb: "webhooks")
                }
                let subscription = WebhookSubscription(
                    id: "wh_" + Digest.hex(Digest.randomBytes(8)), keyID: key.id, url: url, secret: Digest.hex(Digest.randomBytes(32)),
                    cursor: try after ?? transaction.feedHead(), createdAt: Clock.now())
                try transaction.putWebhookSubscription(subscription)
                return subscription
            }
            if context.wantsJSON {
                try context.console.json(Row(subscription, showSecret: true))
            } else {
                context.console.out("webhook \(subscription.id) → \(url) (key \(keyID)), from sequence \(subscription.cursor)")
                context.console.out("signing secret: \(subscription.secret)")
                context.console.out("store the secret now: it is not shown again")
            }
        case "list":
            let subscriptions = try store.read { try $0.webhookSubscriptions() }
            if context.wantsJSON {
                try context.console.json(subscriptions.map { Row($0) })
            } else {
                for subscription in subscriptions {
                    var line = "\(subscription.id)  \(subscription.status.rawValue)  key \(subscription.keyID)  \(subscription.url)"
                    line += "  cursor \(subscription.cursor)"
                    if subscription.failures > 0 { line += "  \(subscription.failures) failures, next \(subscription.nextAttemptAt ?? "now")" }
                    if let error = subscription.lastError { line += "\n    last error: \(error)" }
                    context.console.out(line)
                }
            }
        case "pause", "resume", "remove":
            guard arguments.positionals.count == 2 else {
                throw UsageError(message: "expected \(arguments.positionals[0]) ID", verb: "webhooks")
            }
            let verb = arguments.positionals[0]
            let id = arguments.positionals[1]
            let found = try store.write { transaction -> Bool in
                if verb == "remove" { return try transaction.deleteWebhookSubscription(id: id) }
                guard var subscription = try transaction.webhookSubscription(id: id) else { return false }
                subscription.status = verb == "pause" ? .paused : .active
                if verb == "resume" {
                    subscription.failures = 0
                    subscription.nextAttemptAt = nil
                }
                try transaction.putWebhookSubscription(subscription)
                return true
            }
            guard found else {
                context.console.error("lienthong webhooks: no subscription \(id)")
                return ExitCode.failure
            }
            context.console.out("\(verb == "remove" ? "removed" : verb == "pause" ? "paused" : "resumed") \(id)")
        case "deliver":
            let progress = try WebhookDispatcher(store: store).deliverUntilIdle()
            var failed = false
            for (id, entry) in progress.sorted(by: { $0.key < $1.key }) {
                var line = "\(id): "
                if let through = entry.through { line += "delivered \(entry.events) events through \(through); " }
                switch entry.last {
                case .delivered, .caughtUp: line += "caught up"
                case .backingOff: line += "backing off after a failure (see 'webhooks list')"
                case .failed(let why):
                    failed = true
                    line += why
                case .gone: line += "gone (the subscriber answered 410)"
                case .disabled: line += "disabled (its key was revoked)"
                }
                context.console.out(line)
            }
            return failed ? ExitCode.failure : ExitCode.ok
        default:
            throw UsageError(message: "expected add, list, pause, resume, remove or deliver", verb: "webhooks")
        }
        return ExitCode.ok
    }
}
