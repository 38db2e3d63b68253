import Metrics
import Synchronization
import Testing

@Suite("Gauges computed at scrape time")
struct GaugeFunctionTests {
    @Test("The callback is evaluated at every render, not at registration")
    func evaluatedAtRender() {
        let registry = MetricsRegistry()
        let queueLength = Mutex(0)
        let calls = Atomic(0)
        registry.gaugeFunction(name: "review_queue_length", help: "Records awaiting review.") {
            calls.add(1, ordering: .relaxed)
            return [(labels: [], value: Double(queueLength.withLock { $0 }))]
        }
        #expect(calls.load(ordering: .relaxed) == 0)
        #expect(registry.render().hasSuffix("review_queue_length 0\n"))
        queueLength.withLock { $0 = 17 }
        #expect(registry.render().hasSuffix("review_queue_length 17\n"))
        #expect(calls.load(ordering: .relaxed) == 2)
    }

    @Test("Labelled samples are sorted by label values and interleave with other families by name")
    func labelledAndSorted() {
        let registry = MetricsRegistry()
        registry.gaugeFunction(name: "resolver_band_size", help: "Pairs per band.", labelNames: ["band"]) {
            [(labels: ["review"], value: 3), (labels: ["match"], value: 10), (labels: ["nonmatch"], value: 0)]
        }
        registry.counter(name: "a_total", help: "A.").labels().increment()
        #expect(
            registry.render() == """
                # HELP a_total A.
                # TYPE a_total counter
                a_total 1
                # HELP resolver_band_size Pairs per band.
                # TYPE resolver_band_size gauge
                resolver_band_size{band="match"} 10
                resolver_band_size{band="nonmatch"} 0
                resolver_band_size{band="review"} 3

                """)
    }

    @Test("The callback runs outside the registry lock, so it may use the registry itself")
    func callbackMayUseRegistry() {
        let registry = MetricsRegistry()
        registry.gaugeFunction(name: "echo", help: "Reads another metric.") {
            let source = registry.gauge(name: "source", help: "S.").labels()
            return [(labels: [], value: source.value * 2)]
        }
        registry.gauge(name: "source", help: "S.").labels().set(21)
        #expect(registry.render().contains("\necho 42\n"))
    }

    @Test("A callback returning nothing leaves only HELP and TYPE")
    func emptyCallback() {
        let registry = MetricsRegistry()
        registry.gaugeFunction(name: "none", help: "Nothing.", labelNames: ["k"]) { [] }
        #expect(registry.render() == "# HELP none Nothing.\n# TYPE none gauge\n")
    }
}
