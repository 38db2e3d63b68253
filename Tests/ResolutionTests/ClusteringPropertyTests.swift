import Domain
import Testing

@testable import Resolution

/// Invariants of the clustering and of the entity-ID plan, over many random graphs.
@Suite struct ClusteringPropertyTests {
    typealias Edge = PersonClustering.Edge

    struct Graph {
        var count: Int
        var numbers: [String?]
        var edges: [Edge]
        var neverLink: [(Int, Int)]
    }

    static func randomGraph(seed: UInt64) -> Graph {
        var random = SplitMix64(seed: seed)
        let count = 2 + random.below(30)
        let numbers: [String?] = (0..<count).map { _ in random.below(4) == 0 ? "n\(random.below(3))" : nil }
        var edges: [Edge] = []
        for _ in 0..<random.below(count * 2) {
            let a = random.below(count)
            let b = random.below(count)
            guard a != b else { continue }
            let kind: PersonClustering.EdgeKind = random.below(10) == 0 ? .mustLink : .score
            edges.append(Edge(a: min(a, b), b: max(a, b), weight: Double(random.below(40)) - 20, kind: kind))
        }
        for a in 0..<count {
            for b in (a + 1)..<count where numbers[a] != nil && numbers[a] == numbers[b] {
                edges.append(Edge(a: a, b: b, weight: 5, kind: .personalNumber))
            }
        }
        let neverLink = (0..<random.below(4)).compactMap { _ -> (Int, Int)? in
            let a = random.below(count)
            let b = random.below(count)
            return a == b ? nil : (a, b)
        }
        return Graph(count: count, numbers: numbers, edges: edges, neverLink: neverLink)
    }

    @Test(arguments: 0..<200)
    func clusteringInvariants(seed: Int) {
        let graph = Self.randomGraph(seed: UInt64(seed))
        let clustering = PersonClustering(
            count: graph.count, personalNumbers: graph.numbers, edges: graph.edges, neverLink: graph.neverLink,
            autoLinkWeight: 4, reviewWeight: -1)
        // A partition: every node in exactly one cluster.
        let all = clustering.clusters.flatMap { $0 }
        #expect(all.sorted() == Array(0..<graph.count))
        var clusterOf = Array(repeating: -1, count: graph.count)
        for (index, cluster) in clustering.clusters.enumerated() { for node in cluster { clusterOf[node] = index } }
        // Never-link pairs are never together.
        for (a, b) in graph.neverLink { #expect(clusterOf[a] != clusterOf[b]) }
        // Without a must-link in it, no cluster holds two different 12-digit numbers.
        for (index, cluster) in clustering.clusters.enumerated() {
            let mustLinked = graph.edges.contains { $0.kind == .mustLink && clusterOf[$0.a] == index }
            if !mustLinked { #expect(Set(cluster.compactMap { graph.numbers[$0] }).count <= 1) }
        }
        // Every node's attaching edge lies inside its cluster and was strong enough to link.
        for (node, edge) in clustering.attachedBy {
            #expect(edge.a == node || edge.b == node)
            #expect(clusterOf[edge.a] == clusterOf[edge.b])
            #expect(edge.kind != .score || edge.weight >= 4)
        }
        // Review pairs are in the band and apart; conflicts are apart.
        for edge in clustering.reviewPairs {
            #expect(edge.weight >= -1 && edge.weight < 4)
            #expect(clusterOf[edge.a] != clusterOf[edge.b])
        }
        for edge in clustering.identifierConflicts { #expect(clusterOf[edge.a] != clusterOf[edge.b]) }
        // Order of the edges does not matter.
        let reversed = PersonClustering(
            count: graph.count, personalNumbers: graph.numbers, edges: graph.edges.reversed(), neverLink: graph.neverLink,
            autoLinkWeight: 4, reviewWeight: -1)
        #expect(reversed.clusters == clustering.clusters)
    }

    @Test(arguments: 0..<200)
    func planInvariants(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &+ 1_000)
        let mentions = Array(Int64(1)...Int64(2 + random.below(20)))
        // Current entities: a random partition of some of the mentions; new clusters: another random partition.
        var current: [Int64: String] = [:]
        for mention in mentions where random.below(5) != 0 { current[mention] = "E\(random.below(6))" }
        var grouped: [Int: [Int64]] = [:]
        for mention in mentions { grouped[random.below(6), default: []].append(mention) }
        let clusters = grouped.keys.sorted().map { grouped[$0]! }
        let plan = EntityIDPlan(clusters: clusters, current: current)
        // Each existing entity continues in at most one cluster; continued or retired, never lost.
        let continued = plan.targets.compactMap { $0 }
        #expect(Set(continued).count == continued.count)
        let retired = Set(plan.merges.map(\.retired))
        #expect(retired.isDisjoint(with: continued))
        #expect(retired.union(continued) == Set(current.values))
        // A retired entity redirects to a continued one that holds some of its mentions.
        for merge in plan.merges {
            #expect(plan.targets[merge.cluster] != nil)
            #expect(merge.mentions.contains { clusters[merge.cluster].contains($0) })
        }
        // Splits go from an entity to a new cluster.
        for split in plan.splits { #expect(plan.targets[split.cluster] == nil) }
        // Nothing changed: everything keeps its ID.
        let same = EntityIDPlan(clusters: Dictionary(grouping: current.keys.sorted(), by: { current[$0]! }).values.map { $0 }, current: current)
        #expect(same.merges.isEmpty && same.splits.isEmpty && !same.targets.contains(nil))
    }

    @Test func mergeKeepsTheLargerEntityAndSplitKeepsTheIDWhereMostStay() {
        let merged = EntityIDPlan(clusters: [[1, 2, 3]], current: [1: "A", 2: "A", 3: "B"])
        #expect(merged.targets == ["A"])
        #expect(merged.merges == [.init(retired: "B", cluster: 0, mentions: [3])])
        let split = EntityIDPlan(clusters: [[1, 2], [3]], current: [1: "A", 2: "A", 3: "A"])
        #expect(split.targets == ["A", nil])
        #expect(split.splits == [.init(from: "A", cluster: 1, mentions: [3])])
        // A steward's split: the part that stays keeps the ID even when it is the smaller one.
        let anchored = EntityIDPlan(clusters: [[1], [2, 3]], current: [1: "A", 2: "A", 3: "A"], anchors: [1])
        #expect(anchored.targets == ["A", nil])
        #expect(anchored.splits == [.init(from: "A", cluster: 1, mentions: [2, 3])])
    }
}
