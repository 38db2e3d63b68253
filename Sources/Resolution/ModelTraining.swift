import Domain
import Matching
import Storage

/// What `resolve --train` estimated.
public struct TrainingReport: Codable, Sendable, Hashable {
    public var version: String
    public var mentions: Int
    public var candidatePairs: Int
    public var randomPairs: Int
    public var iterations: Int
    public var prior: Double
    public var provenance: String
}

/// Estimates the person match model from the stored persons and stores it as the active version: u from random
/// pairs, m and λ by EM on the blocked candidate pairs, term frequencies counted over every person. EM starts from
/// the hand-set defaults, so a retrain does not drift on its own previous estimate.
///
/// The model carries the blocking rules it was trained with, and resolution uses them while it is active:
/// `blockingRules` when given, else those of the active model. A model trained with neither names none and follows
/// `BlockingRule.defaults` (`settings.blockingRules`), so a later version's defaults reach it.
public enum ModelTraining {
    public static func train(
        settings: ResolverSettings, blockingRules: [BlockingRule]? = nil, seed: UInt64, randomPairs: Int,
        in transaction: any StoreTransaction, at time: String
    ) throws -> TrainingReport {
        let named = try blockingRules ?? MatchModels.active(in: transaction).blockingRules
        let rules = named ?? settings.blockingRules
        var features: [PersonFeatures] = []
        try transaction.forEachPersonIndexEntry { features.append(PersonIndexing.features($0)) }
        guard features.count >= 2 else {
            throw ResolutionError.notEnoughData("training needs at least two indexed persons; found \(features.count) (ingest first)")
        }
        let candidates = CandidatePairs(features, rules: rules, maxBlockSize: settings.maxBlockSize)
        let version = "em-\(try transaction.models().count + 1)-\(time)"
        var (model, iterations) = ModelEstimator.train(
            .defaults, mentions: features, candidatePairs: candidates.pairs.map { (Int($0.first), Int($0.second)) },
            randomPairCount: randomPairs, seed: seed, version: version, trainedAt: time)
        model.blockingRules = named
        try MatchModels.activate(model, in: transaction, at: time)
        return TrainingReport(
            version: version, mentions: features.count, candidatePairs: candidates.pairs.count, randomPairs: randomPairs,
            iterations: iterations, prior: model.prior, provenance: model.provenance)
    }
}

/// A resolution request that cannot be carried out as asked.
public enum ResolutionError: Error, CustomStringConvertible, Sendable {
    case notEnoughData(String)
    case unknownMention(String)
    /// Another model became active after this resolver was loaded (`resolve --train` in another process): its
    /// parameters and blocking rules are stale. Running again loads the active one.
    case modelChanged(loaded: String, active: String)

    public var description: String {
        switch self {
        case .notEnoughData(let message): return message
        case .unknownMention(let message): return message
        case .modelChanged(let loaded, let active):
            return "the active match model changed from \(loaded) to \(active) since this run started; run it again to use \(active)"
        }
    }
}
