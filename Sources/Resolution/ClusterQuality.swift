/// Pairwise precision, recall and F1 of a clustering against known truth: the standard way entity-resolution
/// results are scored (every pair of mentions placed together is a predicted link).
public struct ClusterQuality: Hashable, Codable, Sendable {
    public var mentions: Int
    public var predictedPairs: Int
    public var truePairs: Int
    public var correctPairs: Int

    public var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    public var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// `predicted` and `truth` map the same mention names to a cluster id and a true identity; mentions missing
    /// from either side are ignored.
    public init(predicted: [String: String], truth: [String: String]) {
        var cells: [String: [String: Int]] = [:]
        var clusterSizes: [String: Int] = [:]
        var truthSizes: [String: Int] = [:]
        var count = 0
        for (mention, cluster) in predicted {
            guard let identity = truth[mention] else { continue }
            count += 1
            cells[cluster, default: [:]][identity, default: 0] += 1
            clusterSizes[cluster, default: 0] += 1
            truthSizes[identity, default: 0] += 1
        }
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        mentions = count
        predictedPairs = clusterSizes.values.reduce(0) { $0 + pairs($1) }
        truePairs = truthSizes.values.reduce(0) { $0 + pairs($1) }
        correctPairs = cells.values.reduce(0) { total, row in total + row.values.reduce(0) { $0 + pairs($1) } }
    }
}
