import Foundation
import Matching
import Resolution

/// What `lienthong resolve` prints: counts, decisions by band, pairs per blocking rule, and training if any.
struct ResolveReport: Encodable {
    var mentionsResolved: Int
    var entitiesCreated: Int
    var entitiesUpdated: Int
    var entitiesRetired: Int
    var entitiesMerged: Int
    var entitiesSplit: Int
    var feedEvents: Int
    var batch: Bool
    var regionSize: Int
    var modelVersion: String?
    var pairs: Pairs
    var reviewItems: Int
    var identifierConflicts: Int
    var valueConflicts: Int
    var reviewItemsSuperseded: Int
    var blocking: [CandidatePairs.RuleReport]
    var training: TrainingReport?

    struct Pairs: Encodable {
        var compared: Int
        var autoLinked: Int
        var review: Int
        var rejected: Int
    }

    init(_ summary: ResolutionSummary, trained: TrainingReport?) {
        mentionsResolved = summary.mentionsResolved
        entitiesCreated = summary.entitiesCreated
        entitiesUpdated = summary.entitiesUpdated
        entitiesRetired = summary.entitiesRetired
        entitiesMerged = summary.entitiesMerged
        entitiesSplit = summary.entitiesSplit
        feedEvents = summary.feedEvents
        batch = summary.batch
        regionSize = summary.regionSize
        modelVersion = summary.modelVersion
        pairs = Pairs(
            compared: summary.pairsCompared, autoLinked: summary.pairsAutoLinked, review: summary.pairsInReview,
            rejected: summary.pairsRejected)
        reviewItems = summary.reviewItems
        identifierConflicts = summary.identifierConflicts
        valueConflicts = summary.valueConflicts
        reviewItemsSuperseded = summary.reviewItemsSuperseded
        blocking = summary.blocking
        training = trained
    }

    func print(to console: Console) {
        if let training {
            console.out("trained model \(training.version): \(training.provenance); λ = \(String(format: "%.3g", training.prior))")
        }
        console.out(
            "resolved \(mentionsResolved) mentions: \(entitiesCreated) entities created, \(entitiesUpdated) updated, "
                + "\(entitiesMerged) merged, \(entitiesSplit) split, \(entitiesRetired) retired, \(feedEvents) feed events")
        guard let modelVersion else { return }
        console.out(
            "persons (\(batch ? "batch" : "incremental"), \(regionSize) in region, model \(modelVersion)): \(pairs.compared) pairs "
                + "compared — \(pairs.autoLinked) auto-linked, \(pairs.review) in the review band, \(pairs.rejected) rejected")
        console.out(
            "review queue: \(reviewItems) match items, \(identifierConflicts) identifier conflicts and \(valueConflicts) value conflicts raised, "
                + "\(reviewItemsSuperseded) superseded")
        let width = blocking.map(\.rule.count).max() ?? 0
        for rule in blocking {
            let pad = String(repeating: " ", count: width - rule.rule.count)
            var line = "  blocking \(rule.rule)\(pad)  \(rule.pairs) new pairs, \(rule.blocks) blocks, largest \(rule.largestBlock)"
            if rule.oversizedBlocks > 0 { line += ", \(rule.oversizedBlocks) oversized blocks skipped" }
            console.out(line)
        }
    }
}
