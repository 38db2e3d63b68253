import Metrics
import Testing

@Suite("Formatting sample values")
struct ValueFormattingTests {
    @Test(
        "Values are spelled as Prometheus parses them",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (1, "1"), (-3, "-3"), (42, "42"), (2.5, "2.5"), (0.1, "0.1"),
            (0.005, "0.005"), (1e-5, "1e-05"), (1e20, "1e+20"), (123_456_789_012, "123456789012"),
            (.infinity, "+Inf"), (-.infinity, "-Inf"), (.nan, "NaN"),
        ] as [(Double, String)])
    func spelling(value: Double, expected: String) {
        #expect(PrometheusTextFormat.formatValue(value) == expected)
    }

    @Test("Finite values round-trip exactly through their text")
    func roundTrip() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0.1 + 0.2, 1.0 / 3.0, .pi, 1e15, 1e15 + 1, 9_007_199_254_740_994, .ulpOfOne,
                                .leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e-300]
        for _ in 0..<1000 {
            values.append(Double(bitPattern: generator.next() & ~(0x7FF << 52) | (UInt64.random(in: 0..<0x7FF) << 52)))
        }
        for value in values where value.isFinite {
            let text = PrometheusTextFormat.formatValue(value)
            #expect(Double(text) == value, "\(value) rendered as \(text)")
        }
    }
}
