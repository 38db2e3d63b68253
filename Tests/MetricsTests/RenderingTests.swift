import Metrics
import Testing

@Suite("Rendering a registry as Prometheus text 0.0.4")
struct RenderingTests {
    @Test("A small registry renders exactly, families sorted by name and children by label values")
    func smallRegistryRendersExactly() {
        let registry = MetricsRegistry()
        let runs = registry.counter(
            name: "lienthong_job_runs_total", help: "Job runs by job and outcome.", labelNames: ["job", "outcome"])
        runs.labels("ingest", "ok").increment()
        runs.labels("ingest", "ok").increment()
        runs.labels("ingest", "failed").increment()
        runs.labels("decode", "ok").increment(by: 2.5)
        let head = registry.gauge(name: "lienthong_feed_head_sequence", help: "Sequence number of the feed head.")
        head.labels().set(42)
        _ = registry.gauge(
            name: "lienthong_review_queue_length", help: "Records awaiting review.", labelNames: ["band"])
        let durations = registry.histogram(
            name: "lienthong_job_duration_seconds", help: "Job duration in seconds.", labelNames: ["job"],
            buckets: [0.1, 1, 10])
        durations.labels("ingest").observe(0.0625)
        durations.labels("ingest").observe(0.5)
        durations.labels("ingest").observe(12)

        let expected = """
            # HELP lienthong_feed_head_sequence Sequence number of the feed head.
            # TYPE lienthong_feed_head_sequence gauge
            lienthong_feed_head_sequence 42
            # HELP lienthong_job_duration_seconds Job duration in seconds.
            # TYPE lienthong_job_duration_seconds histogram
            lienthong_job_duration_seconds_bucket{job="ingest",le="0.1"} 1
            lienthong_job_duration_seconds_bucket{job="ingest",le="1"} 2
            lienthong_job_duration_seconds_bucket{job="ingest",le="10"} 2
            lienthong_job_duration_seconds_bucket{job="ingest",le="+Inf"} 3
            lienthong_job_duration_seconds_sum{job="ingest"} 12.5625
            lienthong_job_duration_seconds_count{job="ingest"} 3
            # HELP lienthong_job_runs_total Job runs by job and outcome.
            # TYPE lienthong_job_runs_total counter
            lienthong_job_runs_total{job="decode",outcome="ok"} 2.5
            lienthong_job_runs_total{job="ingest",outcome="failed"} 1
            lienthong_job_runs_total{job="ingest",outcome="ok"} 2
            # HELP lienthong_review_queue_length Records awaiting review.
            # TYPE lienthong_review_queue_length gauge

            """
        #expect(registry.render() == expected)
    }

    @Test("An empty registry renders as the empty string")
    func emptyRegistry() {
        #expect(MetricsRegistry().render() == "")
    }

    @Test("Families without labels are exposed at zero before first use")
    func unlabelledFamiliesStartAtZero() {
        let registry = MetricsRegistry()
        _ = registry.counter(name: "a_total", help: "A.")
        _ = registry.gauge(name: "b", help: "B.")
        _ = registry.histogram(name: "c_seconds", help: "C.", buckets: [1])
        #expect(
            registry.render() == """
                # HELP a_total A.
                # TYPE a_total counter
                a_total 0
                # HELP b B.
                # TYPE b gauge
                b 0
                # HELP c_seconds C.
                # TYPE c_seconds histogram
                c_seconds_bucket{le="1"} 0
                c_seconds_bucket{le="+Inf"} 0
                c_seconds_sum 0
                c_seconds_count 0

                """)
    }

    @Test("Registering the same name, type and labels again returns the same family")
    func reRegistrationReturnsSameFamily() {
        let registry = MetricsRegistry()
        let first = registry.counter(name: "api_requests_total", help: "Requests.", labelNames: ["route", "status"])
        let second = registry.counter(name: "api_requests_total", help: "Other text.", labelNames: ["route", "status"])
        #expect(first === second)
        second.labels("GET /v1/persons/{id}", "200").increment()
        #expect(first.labels("GET /v1/persons/{id}", "200").value == 1)
        #expect(first.labels("GET /v1/persons/{id}", "200") === second.labels(["GET /v1/persons/{id}", "200"]))
        #expect(registry.render().contains("# HELP api_requests_total Requests.\n"))

        let gauge = registry.gauge(name: "queue", help: "Q.")
        #expect(gauge === registry.gauge(name: "queue", help: "Q."))
        let histogram = registry.histogram(name: "h", help: "H.")
        let withInfinity = Histogram.defaultBuckets + [.infinity]
        #expect(histogram === registry.histogram(name: "h", help: "H.", buckets: withInfinity))
    }

    @Test("Gauges set, increment and decrement")
    func gaugeOperations() {
        let registry = MetricsRegistry()
        let gauge = registry.gauge(name: "in_flight", help: "In flight.").labels()
        gauge.set(10)
        gauge.increment()
        gauge.increment(by: 4)
        gauge.decrement()
        gauge.decrement(by: 20.5)
        #expect(gauge.value == -6.5)
        #expect(registry.render().hasSuffix("in_flight -6.5\n"))
    }

    @Test("Special values render as +Inf, -Inf and NaN")
    func specialValues() {
        let registry = MetricsRegistry()
        let family = registry.gauge(name: "g", help: "G.", labelNames: ["k"])
        family.labels("a").set(.infinity)
        family.labels("b").set(-.infinity)
        family.labels("c").set(.nan)
        #expect(
            registry.render() == """
                # HELP g G.
                # TYPE g gauge
                g{k="a"} +Inf
                g{k="b"} -Inf
                g{k="c"} NaN

                """)
    }

    @Test("The content type is the 0.0.4 text format")
    func contentType() {
        #expect(PrometheusTextFormat.contentType == "text/plain; version=0.0.4; charset=utf-8")
    }
}
