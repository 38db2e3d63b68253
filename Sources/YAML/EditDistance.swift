/// Levenshtein distance and nearest-name suggestions for "did you mean …?" messages.
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions turning `a` into `b`.
    public static func levenshtein(_ a: String, _ b: String) -> Int {
        let source = Array(a)
        let target = Array(b)
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible typo: at most a third of
    /// the longer name's length edits away, at least 1, or 2 for names of four or more letters (a swapped
    /// pair of letters costs 2). Ties go to the earlier candidate.
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = levenshtein(name.lowercased(), candidate.lowercased())
            if let current = best, distance >= current.distance { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let limit = max(name.count >= 4 ? 2 : 1, max(name.count, best.candidate.count) / 3)
        return best.distance <= limit ? best.candidate : nil
    }
}
