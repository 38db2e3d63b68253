import Metrics
import Testing

@Suite("Metric and label name rules")
struct NameValidationTests {
    @Test(
        "Valid metric names",
        arguments: ["a", "_", ":", "lienthong_job_runs_total", "http:requests:rate5m", "A9_:b", "__internal"])
    func validMetricNames(name: String) {
        #expect(MetricNameRules.isValidMetricName(name))
    }

    @Test(
        "Invalid metric names",
        arguments: ["", "9lives", "with space", "dash-name", "dot.name", "quoté", "tab\t", "brace{"])
    func invalidMetricNames(name: String) {
        #expect(!MetricNameRules.isValidMetricName(name))
    }

    @Test("Valid label names", arguments: ["a", "_", "route", "status_code", "_private", "Z9"])
    func validLabelNames(name: String) {
        #expect(MetricNameRules.isValidLabelName(name))
    }

    @Test(
        "Invalid label names",
        arguments: ["", "__name__", "__x", "9a", "a:b", "a-b", "tỉnh", "with space"])
    func invalidLabelNames(name: String) {
        #expect(!MetricNameRules.isValidLabelName(name))
    }

    @Test("Counter names must end in _total")
    func counterNames() {
        #expect(MetricNameRules.isValidCounterName("jobs_total"))
        #expect(MetricNameRules.isValidCounterName("a:b_total"))
        #expect(!MetricNameRules.isValidCounterName("jobs"))
        #expect(!MetricNameRules.isValidCounterName("jobs_total_seconds"))
        #expect(!MetricNameRules.isValidCounterName("_total"))
        #expect(!MetricNameRules.isValidCounterName("9_total"))
    }
}
