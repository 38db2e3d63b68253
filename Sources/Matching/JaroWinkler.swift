/// Jaro–Winkler string similarity on bytes: 1 for equal strings, 0 for strings with nothing in common.
///
/// Used on folded (accent-free ASCII) names, where one byte is one letter. The Winkler boost
/// (prefix scale 0.1, at most 4 characters) rewards a shared beginning, which suits names: typos and
/// transliteration variants cluster at the end more than at the start.
public enum JaroWinkler {
    /// Standard Jaro–Winkler similarity. "martha"/"marhta" ≈ 0.961, "dwayne"/"duane" = 0.84.
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Array(a.utf8), Array(b.utf8))
    }

    /// Standard Jaro–Winkler similarity of two byte strings. Allocates nothing on the heap for names
    /// of ordinary length (the match flags live in a stack buffer).
    public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        if a == b { return 1 }
        let jaro = jaroSimilarity(a, b)
        return jaro + Double(commonPrefix(a, b)) * 0.1 * (1 - jaro)
    }

    /// True when the two byte strings' similarity may be at least `threshold`, false when it cannot be: an upper bound
    /// from the bytes they have in common (Jaro counts at most that many matches) and their actual common prefix (the
    /// Winkler boost). Costs two passes and no heap allocation, against the Jaro loop's length × window, so a caller
    /// that only needs "≥ threshold" skips most unrelated pairs (random pairs in training, different names).
    public static func mayReach(_ a: [UInt8], _ b: [UInt8], _ threshold: Double) -> Bool {
        if threshold <= 0 { return true }
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty }
        // Bytes are counted in 64 buckets (byte & 63): merging buckets can only raise the count of shared bytes, so the
        // bound stays a bound, and folded names (letters and spaces) keep their letters apart.
        let common = withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { counts in
            counts.initialize(repeating: 0)
            for byte in a { counts[Int(byte & 63)] &+= 1 }
            var shared = 0
            for byte in b where counts[Int(byte & 63)] > 0 {
                counts[Int(byte & 63)] -= 1
                shared += 1
            }
            return shared
        }
        guard common > 0 else { return false }
        let m = Double(common)
        let jaroBound = min(1, (m / Double(a.count) + m / Double(b.count) + 1) / 3)
        // The boost grows with Jaro, so the bound on Jaro bounds the boosted value too.
        return jaroBound + Double(commonPrefix(a, b)) * 0.1 * (1 - jaroBound) >= threshold
    }

    /// The length of the common prefix the Winkler boost rewards, at most 4.
    private static func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var prefix = 0
        let limit = min(4, a.count, b.count)
        while prefix < limit, a[prefix] == b[prefix] { prefix += 1 }
        return prefix
    }

    /// True when the similarity is at least `threshold` (`mayReach` first, then the full computation).
    public static func similarity(_ a: [UInt8], _ b: [UInt8], atLeast threshold: Double) -> Bool {
        mayReach(a, b, threshold) && similarity(a, b) >= threshold
    }

    /// The Jaro similarity: matches within a window of half the longer length, minus half-transpositions.
    public static func jaroSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let window = max(0, max(a.count, b.count) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
            flags.initialize(repeating: false)
            var matches = 0
            for i in 0..<a.count {
                let start = max(0, i - window)
                let end = min(b.count, i + window + 1)
                guard start < end else { continue }
                for j in start..<end where !flags[a.count + j] && a[i] == b[j] {
                    flags[i] = true
                    flags[a.count + j] = true
                    matches += 1
                    break
                }
            }
            guard matches > 0 else { return 0 }
            var transpositions = 0
            var j = 0
            for i in 0..<a.count where flags[i] {
                while !flags[a.count + j] { j += 1 }
                if a[i] != b[j] { transpositions += 1 }
                j += 1
            }
            let m = Double(matches)
            return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
        }
    }
}
