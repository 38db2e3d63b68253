import Domain
import Foundation
import Matching

/// A pair's score as stewards and `lienthong explain` read it: the prior, every comparison's level and weight,
/// the total and the probability, and the model that scored it. The weights sum to the total.
public struct MatchExplanation: Codable, Sendable, Hashable {
    public struct Line: Codable, Sendable, Hashable {
        public var comparison: String
        public var level: Int
        public var label: String
        public var weight: Double
        public var m: Double
        public var u: Double
    }

    public var modelVersion: String
    public var priorWeight: Double
    public var lines: [Line]
    public var totalWeight: Double
    public var probability: Double

    public init(_ score: PairScore, modelVersion: String) {
        self.modelVersion = modelVersion
        priorWeight = score.priorWeight
        lines = score.contributions.map {
            Line(comparison: $0.comparison, level: $0.level, label: $0.label, weight: $0.weight, m: $0.m, u: $0.u)
        }
        totalWeight = score.total
        probability = score.matchProbability
    }

    /// Canonical JSON (sorted keys), as stored in review items.
    public func json() throws -> String {
        return try CanonicalJSON.string(self)
    }
}
