import Metrics
import Testing

@Suite("Rendered output parses back under the exposition grammar")
struct ParseBackTests {
    static let awkwardValues = [
        "", "plain", "Thành phố Hồ Chí Minh", "quote\"inside", "back\\slash", "new\nline", "\\\"\n", "{a=\"b\"}",
        "trailing\\", "tab\there", "emoji 🇻🇳",
    ]

    static func populatedRegistry() -> MetricsRegistry {
        let registry = MetricsRegistry()
        let requests = registry.counter(
            name: "api_requests_total", help: "API \"requests\"\nby route\\status", labelNames: ["route", "status"])
        for (index, value) in awkwardValues.enumerated() {
            requests.labels(value, String(200 + index)).increment(by: Double(index) + 0.5)
        }
        let durations = registry.histogram(name: "job_duration_seconds", help: "Durations.", labelNames: ["job"])
        for value in awkwardValues { durations.labels(value).observe(0.3) }
        registry.gauge(name: "feed_head_sequence", help: "Head.").labels().set(1e300)
        registry.gaugeFunction(name: "queue:length", help: "Queue.", labelNames: ["band"]) {
            awkwardValues.map { (labels: [$0], value: -1.0 / 3.0) } + [(labels: ["nan"], value: .nan)]
        }
        _ = registry.gauge(name: "idle", help: "", labelNames: ["k"])
        return registry
    }

    @Test("Every line is HELP, TYPE or a sample `name{labels} value`, and samples belong to their family")
    func everyLineMatchesGrammar() throws {
        let lines = try ExpositionParser.parse(Self.populatedRegistry().render())
        var currentFamily: (name: String, type: String)?
        var lastHelp: String?
        var sampleCount = 0
        for line in lines {
            switch line {
            case .help(let name, _):
                lastHelp = name
            case .type(let name, let type):
                #expect(lastHelp == name, "TYPE \(name) must follow its HELP")
                currentFamily = (name, type)
            case .sample(let sample):
                sampleCount += 1
                let family = try #require(currentFamily)
                let allowed =
                    family.type == "histogram"
                    ? [family.name + "_bucket", family.name + "_sum", family.name + "_count"] : [family.name]
                #expect(allowed.contains(sample.name), "\(sample.name) outside family \(family.name)")
                #expect(Set(sample.labels.map(\.name)).count == sample.labels.count)
            }
        }
        let familyNames = lines.compactMap { line -> String? in
            if case .type(let name, _) = line { return name } else { return nil }
        }
        #expect(
            familyNames == ["api_requests_total", "feed_head_sequence", "idle", "job_duration_seconds", "queue:length"])
        let count = Self.awkwardValues.count
        #expect(sampleCount == count + count * 14 + 1 + (count + 1))
    }

    @Test("Label values, HELP text and values survive the trip through text")
    func valuesRoundTrip() throws {
        let lines = try ExpositionParser.parse(Self.populatedRegistry().render())
        #expect(lines.contains(.help(name: "api_requests_total", text: "API \"requests\"\nby route\\status")))
        #expect(lines.contains(.help(name: "idle", text: "")))
        for (index, value) in Self.awkwardValues.enumerated() {
            let expected = Sample(
                name: "api_requests_total", labels: [("route", value), ("status", String(200 + index))],
                value: Double(index) + 0.5)
            #expect(lines.contains(.sample(expected)), "missing sample for \(value.debugDescription)")
            let bucket = Sample(
                name: "job_duration_seconds_bucket", labels: [("job", value), ("le", "0.25")], value: 0)
            #expect(lines.contains(.sample(bucket)))
            let gauge = Sample(name: "queue:length", labels: [("band", value)], value: -1.0 / 3.0)
            #expect(lines.contains(.sample(gauge)))
        }
        #expect(lines.contains(.sample(Sample(name: "feed_head_sequence", labels: [], value: 1e300))))
        #expect(lines.contains(.sample(Sample(name: "queue:length", labels: [("band", "nan")], value: .nan))))
    }

    @Test("The parser itself rejects malformed lines")
    func parserRejectsMalformedLines() {
        let malformed = [
            "x{a=\"b} 1\n", "x 1 2\n", "x{a=\"\\t\"} 1\n", "9x 1\n", "x{__a=\"b\"} 1\n", "x  1\n", "x{a=\"b\"}1\n",
            "x{a=\"b\"c=\"d\"} 1\n", "x inf\n", "x 1",
        ]
        for bad in malformed {
            #expect(throws: ExpositionParseError.self, "\(bad.debugDescription) should be rejected") {
                try ExpositionParser.parse(bad)
            }
        }
    }
}
