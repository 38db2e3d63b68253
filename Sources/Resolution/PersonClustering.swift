/// Groups mentions into entities from scored pairs, under constraints. Pure: the same input gives the same
/// clusters whatever order the pairs came in.
///
/// Edges are taken strongest first — steward must-links, then shared 12-digit numbers, then scored pairs at or
/// above the auto-link weight in descending weight — and each joins two groups unless that would put a
/// never-link pair together, or (for anything but a steward's must-link) two different valid 12-digit numbers
/// into one entity. A refused pair of the second kind becomes an identifier conflict for a steward; pairs in the
/// review band that end up in different entities become review items. Never-link pairs are never reviewed
/// again: a steward already said no.
struct PersonClustering {
    enum EdgeKind: Int, Comparable, Sendable {
        case mustLink = 0, personalNumber, score
        static func < (lhs: EdgeKind, rhs: EdgeKind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Edge: Hashable, Sendable {
        var a: Int
        var b: Int
        var weight: Double
        var kind: EdgeKind
    }

    /// Local indices per cluster, ascending; clusters ordered by their first index.
    var clusters: [[Int]]
    /// For each joined node, the edge that attached it (nodes alone in their cluster have none).
    var attachedBy: [Int: Edge]
    /// Review-band pairs left in different clusters.
    var reviewPairs: [Edge]
    /// Pairs refused because they would join two different valid 12-digit numbers.
    var identifierConflicts: [Edge]

    init(
        count: Int, personalNumbers: [String?], edges: [Edge], neverLink: [(Int, Int)], autoLinkWeight: Double,
        reviewWeight: Double
    ) {
        var sets = DisjointSets(count: count, personalNumbers: personalNumbers)
        let forbidden = Set(neverLink.map { Pair($0.0, $0.1) })
        for (a, b) in neverLink {
            sets.forbid(a, b)
        }
        let linking = edges.filter { $0.kind != .score || $0.weight >= autoLinkWeight }
            .sorted { ($0.kind, -$0.weight, $0.a, $0.b) < ($1.kind, -$1.weight, $1.a, $1.b) }
        var attachedBy: [Int: Edge] = [:]
        var conflicts: [Edge] = []
        for edge in linking {
            switch sets.union(edge.a, edge.b, ignoringNumbers: edge.kind == .mustLink) {
            case .joined:
                if attachedBy[edge.a] == nil { attachedBy[edge.a] = edge }
                if attachedBy[edge.b] == nil { attachedBy[edge.b] = edge }
            case .alreadyTogether, .forbidden:
                break
            case .differentPersonalNumbers:
                conflicts.append(edge)
            }
        }
        reviewPairs = edges.filter { edge in
            edge.kind == .score && edge.weight >= reviewWeight && edge.weight < autoLinkWeight
                && !forbidden.contains(Pair(edge.a, edge.b)) && sets.find(edge.a) != sets.find(edge.b)
        }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        identifierConflicts = conflicts.filter { !forbidden.contains(Pair($0.a, $0.b)) && sets.find($0.a) != sets.find($0.b) }
            .sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        var byRoot: [Int: [Int]] = [:]
        for node in 0..<count { byRoot[sets.find(node), default: []].append(node) }
        clusters = byRoot.values.sorted { $0[0] < $1[0] }
        self.attachedBy = attachedBy.filter { byRoot[sets.find($0.key)]!.count > 1 }
    }

    /// An unordered pair of nodes.
    struct Pair: Hashable {
        let low: Int
        let high: Int
        init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }
}

/// Union–find with path halving, tracking per group the valid 12-digit numbers it holds and the nodes it must
/// never be joined with.
struct DisjointSets {
    enum Outcome { case joined, alreadyTogether, forbidden, differentPersonalNumbers }

    private var parent: [Int]
    private var size: [Int]
    private var numbers: [Set<String>]
    private var forbiddenNodes: [[Int]]

    init(count: Int, personalNumbers: [String?]) {
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
        numbers = personalNumbers.map { $0.map { [$0] } ?? [] }
        forbiddenNodes = Array(repeating: [], count: count)
    }

    mutating func find(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    mutating func forbid(_ a: Int, _ b: Int) {
        forbiddenNodes[find(a)].append(b)
        forbiddenNodes[find(b)].append(a)
    }

    mutating func union(_ a: Int, _ b: Int, ignoringNumbers: Bool) -> Outcome {
        var rootA = find(a)
        var rootB = find(b)
        if rootA == rootB { return .alreadyTogether }
        for node in forbiddenNodes[rootA] where find(node) == rootB { return .forbidden }
        for node in forbiddenNodes[rootB] where find(node) == rootA { return .forbidden }
        if !ignoringNumbers, !numbers[rootA].isSubset(of: numbers[rootB]), !numbers[rootB].isSubset(of: numbers[rootA]) {
            return .differentPersonalNumbers
        }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        size[rootA] += size[rootB]
        numbers[rootA].formUnion(numbers[rootB])
        forbiddenNodes[rootA].append(contentsOf: forbiddenNodes[rootB])
        numbers[rootB] = []
        forbiddenNodes[rootB] = []
        return .joined
    }
}
