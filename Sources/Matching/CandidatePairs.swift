import Domain

/// Candidate pairs from blocking rules over a set of mentions: each pair that shares a key of at least one
/// rule, produced once and credited to the first rule that produced it (as Splink counts them), so the
/// per-rule report says what each rule adds beyond the rules before it.
///
/// Keys are hashed to 64 bits and kept in flat arrays, so a million mentions under five rules need a few
/// hundred megabytes at most. A hash collision only adds a pair to score, never loses one.
public struct CandidatePairs: Sendable {
    /// A pair of indices into the mention array, `first < second`, and the index of the rule that produced it.
    public struct Pair: Hashable, Sendable {
        public var first: Int32
        public var second: Int32
        public var rule: Int16
    }

    /// What one rule contributed.
    public struct RuleReport: Hashable, Sendable, Codable {
        public var rule: String
        /// Pairs this rule produced that no earlier rule had produced.
        public var pairs: Int
        /// Blocks (distinct keys shared by at least two mentions).
        public var blocks: Int
        /// The largest block's size.
        public var largestBlock: Int
        /// Blocks skipped because they exceeded the size limit, and the mentions in them.
        public var oversizedBlocks: Int
    }

    public var pairs: [Pair]
    public var report: [RuleReport]

    /// Blocks above `maxBlockSize` mentions are skipped and reported (a key such as a placeholder name
    /// shared by thousands of records would otherwise make the pair count quadratic).
    public init(_ mentions: [PersonFeatures], rules: [BlockingRule], maxBlockSize: Int = 2_000) {
        let keys = rules.map { HashedKeys(mentions, rule: $0) }
        var pairs: [Pair] = []
        var report: [RuleReport] = []
        for (ruleIndex, rule) in rules.enumerated() {
            var blocks: [UInt64: [Int32]] = [:]
            keys[ruleIndex].forEach { mention, key in blocks[key, default: []].append(Int32(mention)) }
            var entry = RuleReport(rule: rule.name, pairs: 0, blocks: 0, largestBlock: 0, oversizedBlocks: 0)
            var seenInRule: Set<UInt64> = []
            for (_, members) in blocks where members.count > 1 {
                entry.blocks += 1
                entry.largestBlock = max(entry.largestBlock, members.count)
                guard members.count <= maxBlockSize else {
                    entry.oversizedBlocks += 1
                    continue
                }
                for i in 0..<(members.count - 1) {
                    for j in (i + 1)..<members.count {
                        let a = min(members[i], members[j])
                        let b = max(members[i], members[j])
                        if a == b { continue }
                        // Produced by an earlier rule, or already by another key of this rule (multi-valued parts).
                        if (0..<ruleIndex).contains(where: { keys[$0].share(Int(a), Int(b)) }) { continue }
                        if keys[ruleIndex].count(Int(a)) > 1 || keys[ruleIndex].count(Int(b)) > 1 {
                            guard seenInRule.insert(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))).inserted else { continue }
                        }
                        pairs.append(Pair(first: a, second: b, rule: Int16(ruleIndex)))
                        entry.pairs += 1
                    }
                }
            }
            report.append(entry)
        }
        // Deterministic order whatever the dictionaries' iteration order.
        pairs.sort { ($0.first, $0.second) < ($1.first, $1.second) }
        self.pairs = pairs
        self.report = report
    }
}

/// One rule's keys for every mention, hashed (FNV-1a 64), in one flat array with offsets.
struct HashedKeys: Sendable {
    private var offsets: [Int32]
    private var values: [UInt64]

    init(_ mentions: [PersonFeatures], rule: BlockingRule) {
        offsets = [0]
        offsets.reserveCapacity(mentions.count + 1)
        values = []
        values.reserveCapacity(mentions.count)
        for mention in mentions {
            for key in rule.keys(mention) { values.append(Self.hash(key)) }
            offsets.append(Int32(values.count))
        }
    }

    func count(_ mention: Int) -> Int { Int(offsets[mention + 1] - offsets[mention]) }

    func forEach(_ body: (Int, UInt64) -> Void) {
        for mention in 0..<(offsets.count - 1) {
            for index in Int(offsets[mention])..<Int(offsets[mention + 1]) { body(mention, values[index]) }
        }
    }

    /// True when the two mentions have a key in common.
    func share(_ a: Int, _ b: Int) -> Bool {
        for i in Int(offsets[a])..<Int(offsets[a + 1]) {
            for j in Int(offsets[b])..<Int(offsets[b + 1]) where values[i] == values[j] { return true }
        }
        return false
    }

    static func hash(_ key: String) -> UInt64 { FNV1a.hash(key) }
}
