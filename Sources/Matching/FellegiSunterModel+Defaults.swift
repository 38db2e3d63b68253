/// Hand-set parameters that give sensible rankings before any training, and the starting point of EM.
///
/// m-values say how often true matches show each level across registries (names and dates are mostly
/// recorded consistently, 12-digit numbers are often missing in older registers); u-values say how often
/// two unrelated people do (a shared birth year is common, a shared 12-digit number essentially never).
extension FellegiSunterModel {
    public static let defaults = FellegiSunterModel(
        version: "defaults-2", trainedAt: nil, provenance: "hand-set priors, not estimated from data", prior: 1e-4,
        parameters: [
            // null, exact, exact folded, middle+given similar, given exact middle missing, full similar, disagree,
            // reordered, same given other surname (numbered after disagree, tested before full similar)
            ComparisonParameters(
                comparison: .name,
                m: [0, 0.55, 0.25, 0.08, 0.05, 0.04, 0.015, 0.01, 0.005],
                u: [0, 0.0005, 0.0005, 0.001, 0.001, 0.01, 0.9818, 0.0002, 0.005]),
            // null, exact, same year+month, year only, day/month swapped, ±1 year, disagree, one digit apart
            // (numbered after disagree, tested after ±1 year)
            ComparisonParameters(
                comparison: .birthDate,
                m: [0, 0.80, 0.04, 0.08, 0.02, 0.03, 0.01, 0.02],
                u: [0, 0.0001, 0.003, 0.015, 0.0001, 0.03, 0.9498, 0.002]),
            // null, same 12, different 12, consistent, inconsistent, same 9, different 9
            ComparisonParameters(
                comparison: .identifiers,
                m: [0, 0.70, 0.01, 0.22, 0.01, 0.05, 0.01],
                u: [0, 1e-6, 0.75, 0.05, 0.15, 1e-6, 0.05]),
            // null, same, different
            ComparisonParameters(comparison: .sex, m: [0, 0.98, 0.02], u: [0, 0.5, 0.5]),
            // null, same commune, same province, different
            ComparisonParameters(comparison: .address, m: [0, 0.6, 0.25, 0.15], u: [0, 0.001, 0.03, 0.969]),
            // null, same, one typo apart, different
            ComparisonParameters(comparison: .documentNumbers, m: [0, 0.90, 0.05, 0.05], u: [0, 1e-6, 1e-5, 0.999989]),
            // null, same house, same house similar street, same street, similar street, different
            ComparisonParameters(comparison: .street, m: [0, 0.6, 0.1, 0.1, 0.05, 0.15], u: [0, 0.0005, 0.0005, 0.01, 0.01, 0.979]),
            // null, same, one typo apart, different
            ComparisonParameters(comparison: .postalCode, m: [0, 0.85, 0.05, 0.10], u: [0, 0.001, 0.01, 0.989]),
        ])
}
