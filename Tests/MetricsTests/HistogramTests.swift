import Metrics
import Testing

@Suite("Histograms")
struct HistogramTests {
    @Test("Default buckets are the Prometheus defaults and render with +Inf last")
    func defaultBuckets() {
        #expect(Histogram.defaultBuckets == [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10])
        let registry = MetricsRegistry()
        _ = registry.histogram(name: "d_seconds", help: "D.")
        let leValues = registry.render().split(separator: "\n").compactMap { line -> String? in
            guard let start = line.firstIndex(of: "{") else { return nil }
            let labels = line[start...].prefix { $0 != "}" }
            guard let le = labels.split(separator: ",").last, le.hasPrefix("{le=\"") || le.hasPrefix("le=\"") else {
                return nil
            }
            return String(le.drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" })
        }
        #expect(leValues == ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"])
    }

    @Test("Buckets are cumulative, upper bounds inclusive, and +Inf equals the count")
    func cumulativeBuckets() {
        let histogram = MetricsRegistry().histogram(name: "h", help: "H.", buckets: [1, 2, 4]).labels()
        for value in [0.5, 1, 1.5, 2, 3, 4, 100, -1] { histogram.observe(value) }
        let snapshot = histogram.snapshot
        #expect(snapshot.upperBounds == [1, 2, 4])
        #expect(snapshot.cumulativeCounts == [3, 5, 7])
        #expect(snapshot.count == 8)
        #expect(snapshot.sum == 111)
    }

    @Test("Rendered bucket lines never decrease and end with +Inf equal to _count")
    func renderedCumulativity() {
        let registry = MetricsRegistry()
        let family = registry.histogram(name: "lat_seconds", help: "L.", labelNames: ["route"])
        for index in 0..<500 {
            family.labels(index.isMultiple(of: 2) ? "a" : "b").observe(Double(index) / 40)
        }
        let lines = registry.render().split(separator: "\n").map(String.init)
        for route in ["a", "b"] {
            let counts = lines.filter { $0.hasPrefix("lat_seconds_bucket{route=\"\(route)\",") }
                .map { UInt64($0.split(separator: " ").last!)! }
            #expect(counts.count == 12)
            #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(counts.last == 250)
            #expect(lines.contains("lat_seconds_count{route=\"\(route)\"} 250"))
        }
        #expect(lines.contains("lat_seconds_bucket{route=\"a\",le=\"0.005\"} 1"))
        #expect(lines.contains("lat_seconds_bucket{route=\"a\",le=\"10\"} 201"))
        #expect(lines.contains("lat_seconds_bucket{route=\"b\",le=\"10\"} 200"))
        let sumA = (0..<500).filter { $0.isMultiple(of: 2) }.reduce(0.0) { $0 + Double($1) / 40 }
        #expect(lines.contains("lat_seconds_sum{route=\"a\"} \(PrometheusTextFormat.formatValue(sumA))"))
    }

    @Test("A NaN observation counts only in +Inf and makes the sum NaN")
    func nanObservation() {
        let histogram = MetricsRegistry().histogram(name: "h", help: "H.", buckets: [1]).labels()
        histogram.observe(.nan)
        #expect(histogram.snapshot.cumulativeCounts == [0])
        #expect(histogram.snapshot.count == 1)
        #expect(histogram.snapshot.sum.isNaN)
    }

    @Test("Durations are observed in seconds")
    func durationObservation() {
        let histogram = MetricsRegistry().histogram(name: "h", help: "H.", buckets: [0.25, 2]).labels()
        histogram.observe(Duration.milliseconds(250))
        histogram.observe(Duration.seconds(1) + .milliseconds(500))
        #expect(histogram.snapshot.cumulativeCounts == [1, 2])
        #expect(histogram.snapshot.sum == 1.75)
    }

    @Test("Bucket lists are validated and a trailing +Inf is dropped")
    func bucketNormalization() {
        #expect(HistogramFamily.normalizedUpperBounds([1, 2, .infinity]) == [1, 2])
        #expect(HistogramFamily.normalizedUpperBounds([]) == [])
        #expect(HistogramFamily.normalizedUpperBounds([2, 1]) == nil)
        #expect(HistogramFamily.normalizedUpperBounds([1, 1]) == nil)
        #expect(HistogramFamily.normalizedUpperBounds([1, .nan]) == nil)
        #expect(HistogramFamily.normalizedUpperBounds([-.infinity, 1]) == nil)
    }
}
