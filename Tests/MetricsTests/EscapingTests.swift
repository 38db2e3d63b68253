import Metrics
import Testing

@Suite("Escaping HELP text and label values")
struct EscapingTests {
    @Test("HELP escapes backslash and newline but keeps quotes and Vietnamese as is")
    func helpEscaping() {
        #expect(PrometheusTextFormat.escapeHelp(#"a\b"#) == #"a\\b"#)
        #expect(PrometheusTextFormat.escapeHelp("line one\nline two") == #"line one\nline two"#)
        #expect(PrometheusTextFormat.escapeHelp(#"say "hi""#) == #"say "hi""#)
        #expect(PrometheusTextFormat.escapeHelp("Số hồ sơ chờ duyệt") == "Số hồ sơ chờ duyệt")
    }

    @Test("Label values escape backslash, quote and newline but keep Vietnamese as is")
    func labelValueEscaping() {
        #expect(PrometheusTextFormat.escapeLabelValue(#"C:\tmp"#) == #"C:\\tmp"#)
        #expect(PrometheusTextFormat.escapeLabelValue(#"say "hi""#) == #"say \"hi\""#)
        #expect(PrometheusTextFormat.escapeLabelValue("a\nb") == #"a\nb"#)
        #expect(PrometheusTextFormat.escapeLabelValue("Thành phố Hồ Chí Minh") == "Thành phố Hồ Chí Minh")
        #expect(PrometheusTextFormat.escapeLabelValue("\\\"\n") == #"\\\"\n"#)
        #expect(PrometheusTextFormat.escapeLabelValue("") == "")
    }

    @Test("Rendered output applies both escapings")
    func renderedEscaping() {
        let registry = MetricsRegistry()
        let family = registry.counter(
            name: "records_total", help: "Hồ sơ theo kết quả\nback\\slash \"quoted\"", labelNames: ["province"])
        family.labels("Hà Nội").increment()
        family.labels("a\"b\\c\nd").increment(by: 3)
        let expected = """
            # HELP records_total Hồ sơ theo kết quả\\nback\\\\slash "quoted"
            # TYPE records_total counter
            records_total{province="Hà Nội"} 1
            records_total{province="a\\"b\\\\c\\nd"} 3

            """
        #expect(registry.render() == expected)
    }
}
