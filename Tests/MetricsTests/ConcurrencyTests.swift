import Dispatch
import Metrics
import Testing

@Suite("Concurrent updates")
struct ConcurrencyTests {
    static let threads = 8
    static let perThread = 10_000

    @Test("8 threads × 10k counter increments, cached handle and label lookup, give the exact total")
    func counterIncrements() {
        let registry = MetricsRegistry()
        let requests = registry.counter(name: "api_requests_total", help: "R.", labelNames: ["route", "status"])
        let cached = requests.labels("cached", "200")
        DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
            for _ in 0..<Self.perThread {
                cached.increment()
            }
            for index in 0..<Self.perThread {
                requests.labels("GET /v1/persons/{id}", "200").increment()
                requests.labels("GET /v1/feed", index.isMultiple(of: 2) ? "200" : "304").increment()
                requests.labels("thread-\(thread)", "200").increment(by: 0.5)
            }
        }
        let total = Double(Self.threads * Self.perThread)
        #expect(cached.value == total)
        #expect(requests.labels("GET /v1/persons/{id}", "200").value == total)
        #expect(requests.labels("GET /v1/feed", "200").value == total / 2)
        #expect(requests.labels("GET /v1/feed", "304").value == total / 2)
        for thread in 0..<Self.threads {
            #expect(requests.labels("thread-\(thread)", "200").value == Double(Self.perThread) / 2)
        }
        #expect(registry.render().contains("api_requests_total{route=\"GET /v1/persons/{id}\",status=\"200\"} 80000\n"))
    }

    @Test("Concurrent gauge and histogram updates while rendering lose nothing")
    func mixedUpdatesWhileRendering() {
        let registry = MetricsRegistry()
        let gauge = registry.gauge(name: "in_flight", help: "G.").labels()
        let durations = registry.histogram(name: "d_seconds", help: "D.", labelNames: ["job"], buckets: [0.5])
        DispatchQueue.concurrentPerform(iterations: Self.threads + 1) { thread in
            if thread == Self.threads {
                for _ in 0..<50 { _ = registry.render() }
                return
            }
            for index in 0..<Self.perThread {
                gauge.increment(by: 2)
                gauge.decrement()
                durations.labels("job-\(index % 3)").observe(index.isMultiple(of: 4) ? 0.25 : 1)
            }
        }
        #expect(gauge.value == Double(Self.threads * Self.perThread))
        let snapshots = (0..<3).map { durations.labels("job-\($0)").snapshot }
        #expect(snapshots.map(\.count).reduce(0, +) == UInt64(Self.threads * Self.perThread))
        #expect(snapshots.map { $0.cumulativeCounts[0] }.reduce(0, +) == UInt64(Self.threads * Self.perThread / 4))
    }

    @Test("Concurrent registration of one name yields one family")
    func concurrentRegistration() {
        let registry = MetricsRegistry()
        DispatchQueue.concurrentPerform(iterations: Self.threads) { _ in
            for _ in 0..<1000 {
                registry.counter(name: "runs_total", help: "Runs.", labelNames: ["job"]).labels("x").increment()
            }
        }
        #expect(registry.counter(name: "runs_total", help: "Runs.", labelNames: ["job"]).labels("x").value == 8000)
    }
}
