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
        var prefix = 0
        let limit = min(4, a.count, b.count)
        while prefix < limit, a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
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
