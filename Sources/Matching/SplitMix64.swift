/// A small, fast, seedable random number generator (SplitMix64, Steele/Lea/Flood 2014).
///
/// Matching needs randomness that is *reproducible*: the u-probabilities estimated from random pairs
/// must be the same on every run with the same seed, on every platform and Swift version, so the
/// trained model can be audited. `SystemRandomNumberGenerator` cannot be seeded, and the standard
/// library's `random(in:using:)` algorithms are not promised to stay stable, so draws go through
/// `uniform(below:)` here.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in `0..<bound` (multiply-high reduction; bias below 2⁻³² for any realistic bound).
    /// `bound` must be positive.
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A value in `[0, 1)` with 53 bits of precision.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
