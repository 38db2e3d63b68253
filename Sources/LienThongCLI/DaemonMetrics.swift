import Foundation
import Metrics
import Storage

/// The daemon's Prometheus metrics (`GET /metrics`): job runs and durations, records by outcome, retired mentions, resolver
/// decisions by band, API requests by route and status, webhook deliveries; the review-queue length and the feed
/// head are read from the store at scrape time. Label values are routes, sources and outcomes, never personal data.
final class DaemonMetrics: Sendable {
    let registry = MetricsRegistry()
    private let jobRuns: CounterFamily
    private let jobSeconds: HistogramFamily
    private let records: CounterFamily
    private let retired: CounterFamily
    private let decisions: CounterFamily
    private let requests: CounterFamily
    private let requestSeconds: HistogramFamily
    private let deliveries: CounterFamily

    init(store: any Store) {
        jobRuns = registry.counter(name: "lienthong_job_runs_total", help: "Sync job runs by source and outcome.", labelNames: ["source", "outcome"])
        jobSeconds = registry.histogram(
            name: "lienthong_job_duration_seconds", help: "Sync job run durations.", labelNames: ["source"],
            buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3_600])
        records = registry.counter(
            name: "lienthong_records_total", help: "Records read by sync jobs, by outcome (staged, quarantined).",
            labelNames: ["source", "outcome"])
        retired = registry.counter(
            name: "lienthong_mentions_retired_total", help: "Mentions retired because a full snapshot no longer contained them.",
            labelNames: ["source"])
        decisions = registry.counter(
            name: "lienthong_resolver_pairs_total", help: "Candidate person pairs scored by the resolver, by band.", labelNames: ["band"])
        requests = registry.counter(
            name: "lienthong_http_requests_total", help: "API requests by route template and status.", labelNames: ["route", "status"])
        requestSeconds = registry.histogram(
            name: "lienthong_http_request_duration_seconds", help: "Time to answer API requests (long-polls excluded).", labelNames: ["route"])
        deliveries = registry.counter(
            name: "lienthong_webhook_deliveries_total", help: "Webhook delivery attempts by outcome.", labelNames: ["outcome"])
        registry.gaugeFunction(name: "lienthong_review_queue_open", help: "Open review items by type.", labelNames: ["type"]) {
            let counts = (try? store.read { try $0.openReviewItemCounts() }) ?? [:]
            return ReviewType.allCases.map { (labels: [$0.rawValue], value: Double(counts[$0.rawValue] ?? 0)) }
        }
        registry.gaugeFunction(name: "lienthong_feed_head_sequence", help: "The highest feed sequence.") {
            [(labels: [], value: Double((try? store.read { try $0.feedHead() }) ?? 0))]
        }
        registry.gaugeFunction(name: "lienthong_store_up", help: "1 when the store answers a read.") {
            [(labels: [], value: (try? store.read { try $0.feedHead() }) == nil ? 0 : 1)]
        }
    }

    func recordJob(source: String, outcome: String, seconds: Double, counts: RunCounts) {
        jobRuns.labels(source, outcome).increment()
        jobSeconds.labels(source).observe(seconds)
        if counts.staged > 0 { records.labels(source, "staged").increment(by: Double(counts.staged)) }
        if counts.quarantined > 0 { records.labels(source, "quarantined").increment(by: Double(counts.quarantined)) }
        if counts.mentionsRetired > 0 { retired.labels(source).increment(by: Double(counts.mentionsRetired)) }
        for (band, count) in [("auto_link", counts.pairsAutoLinked), ("review", counts.pairsInReview), ("reject", counts.pairsRejected)]
        where count > 0 {
            decisions.labels(band).increment(by: Double(count))
        }
    }

    func recordRequest(route: String, status: Int, seconds: Double?) {
        requests.labels(route, String(status)).increment()
        if let seconds { requestSeconds.labels(route).observe(seconds) }
    }

    func recordDelivery(_ outcome: String) {
        deliveries.labels(outcome).increment()
    }

    func render() -> String { registry.render() }
}
