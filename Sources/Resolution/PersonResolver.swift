import Domain
import Foundation
import Matching
import Storage

/// Probabilistic resolution of person mentions (Fellegi–Sunter), incremental by default.
///
/// One pass: index the changed mentions (features + blocking keys), take the region they affect (or every person
/// in batch mode), compare the region's blocked pairs, cluster them in three bands under the constraints, map the
/// clusters onto the existing entity IDs (merges redirect, splits record lineage), then refresh golden records and
/// append feed events only where membership or content changed — all in the caller's transaction.
public struct PersonResolver: Sendable {
    public var settings: ResolverSettings
    public var model: FellegiSunterModel
    public var publisher: GoldenPublisher

    public init(settings: ResolverSettings = ResolverSettings(), model: FellegiSunterModel = .defaults,
                publisher: GoldenPublisher = GoldenPublisher()) {
        self.settings = settings
        self.model = model
        self.publisher = publisher
    }

    /// Writes a person mention's index entry and blocking keys (call when it is staged new or changed); returns
    /// false for mentions of other kinds.
    @discardableResult
    public func index(_ stored: StoredMention, in transaction: any StoreTransaction) throws -> Bool {
        guard case .person(let person) = stored.mention.body else { return false }
        let features = PersonFeatures(person)
        try transaction.indexPerson(
            PersonIndexing.entry(mentionID: stored.id, features: features), keys: PersonIndexing.keys(features, rules: settings.blockingRules))
        return true
    }

    /// Checks, inside the write transaction, that this resolver's model is still the active one (a model trained
    /// meanwhile by another process carries other parameters and perhaps other blocking rules: resolving with the
    /// stale one would undo its blocking keys), then brings the stored blocking keys in line with the rules in use.
    func prepareIndex(in transaction: any StoreTransaction) throws {
        let active = try transaction.activeModelVersion() ?? FellegiSunterModel.defaults.version
        guard active == model.version else { throw ResolutionError.modelChanged(loaded: model.version, active: active) }
        try PersonIndexing.ensureKeys(rules: settings.blockingRules, in: transaction)
    }

    /// Resolves the given new or changed person mentions (ids of other kinds are ignored). Mentions not yet
    /// indexed are indexed from their stored body. With `batch`, every indexed person is re-clustered whatever the
    /// delta's size.
    /// `anchors` keep their entity's ID when their entity is split (see `EntityIDPlan`).
    public func resolve(
        changed ids: [Int64], batch forceBatch: Bool = false, anchors: Set<Int64> = [], in transaction: any StoreTransaction,
        at time: String
    ) throws -> ResolutionSummary {
        var summary = ResolutionSummary()
        try prepareIndex(in: transaction)
        var known: [Int64: PersonFeatures] = [:]
        // Batch reads every entry anyway (mentions resolved before but never indexed are indexed on the way).
        for entry in forceBatch ? [] : try transaction.personIndexEntries(mentionIDs: ids) {
            known[entry.mentionID] = PersonIndexing.features(entry)
        }
        for id in forceBatch ? [] : ids where known[id] == nil {
            guard let stored = try transaction.mention(id: id), !stored.retired, try index(stored, in: transaction),
                case .person(let person) = stored.mention.body
            else { continue }
            known[id] = PersonFeatures(person)
        }
        summary.mentionsResolved = known.count
        guard !known.isEmpty || forceBatch else { return summary }
        let indexed = try transaction.personIndexCount()
        summary.batch = forceBatch || Double(known.count) >= settings.batchShare * Double(indexed)
        let region = summary.batch
            ? try PersonRegion.batch(known: known, rules: settings.blockingRules, in: transaction)
            : try PersonRegion.incremental(known: known, rules: settings.blockingRules, in: transaction)
        summary.regionSize = region.ids.count
        if forceBatch { summary.mentionsResolved = region.ids.count }
        summary.modelVersion = model.version
        let clustering = cluster(region, summary: &summary)
        let clusters = clustering.clusters.map { $0.map { region.ids[$0] } }
        let plan = EntityIDPlan(clusters: clusters, current: region.memberships, anchors: anchors)
        try apply(plan, clusters: clusters, clustering: clustering, region: region, changed: forceBatch ? Set(region.ids) : Set(known.keys), in: transaction, at: time,
                  summary: &summary)
        try raiseReviewItems(clustering, region: region, in: transaction, at: time, summary: &summary)
        return summary
    }

    /// Blocks, scores and clusters the region.
    func cluster(_ region: PersonRegion, summary: inout ResolutionSummary) -> PersonClustering {
        let candidates = CandidatePairs(region.features, rules: settings.blockingRules, maxBlockSize: settings.maxBlockSize)
        summary.blocking = candidates.report
        summary.pairsCompared = candidates.pairs.count
        let compiled = CompiledModel(model)
        let autoLink = CompiledModel.weight(probability: settings.autoLinkProbability)
        let review = CompiledModel.weight(probability: settings.reviewProbability)
        var edges: [PersonClustering.Edge] = []
        for pair in candidates.pairs {
            let a = Int(pair.first)
            let b = Int(pair.second)
            let weight = compiled.weight(region.features[a], region.features[b])
            if weight >= autoLink { summary.pairsAutoLinked += 1 } else if weight >= review { summary.pairsInReview += 1 } else { summary.pairsRejected += 1 }
            let number = region.features[a].personalNumber
            if number != nil, number == region.features[b].personalNumber {
                edges.append(.init(a: a, b: b, weight: weight, kind: .personalNumber))
            } else if weight >= review {
                edges.append(.init(a: a, b: b, weight: weight, kind: .score))
            }
        }
        var neverLink: [(Int, Int)] = []
        for constraint in region.constraints {
            guard let a = region.position(constraint.first), let b = region.position(constraint.second) else { continue }
            switch constraint.kind {
            case .mustLink: edges.append(.init(a: a, b: b, weight: .infinity, kind: .mustLink))
            case .neverLink: neverLink.append((a, b))
            }
        }
        return PersonClustering(
            count: region.ids.count, personalNumbers: region.features.map(\.personalNumber), edges: edges, neverLink: neverLink,
            autoLinkWeight: autoLink, reviewWeight: review)
    }

    /// Writes the plan: new entities, moved mentions, merges and splits, then golden records for what changed.
    func apply(
        _ plan: EntityIDPlan, clusters: [[Int64]], clustering: PersonClustering, region: PersonRegion, changed: Set<Int64>,
        in transaction: any StoreTransaction, at time: String, summary: inout ResolutionSummary
    ) throws {
        let founders = zip(plan.targets, clusters).filter { $0.0 == nil }.map { $0.1[0] }
        let keys = try transaction.mentionKeys(ids: founders)
        var minting = try MintingBatch(founders: founders.compactMap { keys[$0] }, in: transaction)
        var entityIDs: [String] = []
        for (target, cluster) in zip(plan.targets, clusters) {
            if let target {
                entityIDs.append(target)
                continue
            }
            guard let key = keys[cluster[0]] else { throw StoreError.engine("mention \(cluster[0]) vanished during resolution") }
            let id = try minting.mint(for: key, in: transaction)
            try transaction.createEntity(id: id, kind: .person, at: time)
            summary.entitiesCreated += 1
            entityIDs.append(id)
        }
        var touched: [String] = []
        var touchedSet: Set<String> = []
        func touch(_ id: String) { if touchedSet.insert(id).inserted { touched.append(id) } }
        for (index, cluster) in clusters.enumerated() {
            let target = entityIDs[index]
            for mention in cluster where region.memberships[mention] != target {
                if let previous = region.memberships[mention] { touch(previous) }
                try transaction.assign(mentionID: mention, toEntity: target, rule: rule(for: mention, clustering, region), at: time)
                touch(target)
            }
            if cluster.contains(where: changed.contains) { touch(target) }
        }
        for merge in plan.merges {
            try publisher.merge(merge.retired, into: entityIDs[merge.cluster], mentions: merge.mentions, in: transaction, at: time)
            summary.entitiesMerged += 1
            summary.feedEvents += 1
        }
        for split in plan.splits {
            try publisher.split(split.from, into: entityIDs[split.cluster], mentions: split.mentions, in: transaction, at: time)
            touch(split.from)
            summary.entitiesSplit += 1
            summary.feedEvents += 1
        }
        try publisher.refresh(entityIDs: touched, in: transaction, at: time, summary: &summary)
    }

    /// Why a mention is where it is: the edge that attached it to its cluster.
    func rule(for mention: Int64, _ clustering: PersonClustering, _ region: PersonRegion) -> String {
        guard let local = region.position(mention), let edge = clustering.attachedBy[local] else { return "singleton" }
        switch edge.kind {
        case .mustLink: return "steward:must_link"
        case .personalNumber: return "exact:personal_number"
        case .score:
            return "match:\(model.version):p=\(String(format: "%.6f", CompiledModel.probability(weight: edge.weight)))"
        }
    }

    /// Opens (or refreshes) review items for the review band and the identifier conflicts, and supersedes open items
    /// of the region that this pass no longer raises.
    func raiseReviewItems(
        _ clustering: PersonClustering, region: PersonRegion, in transaction: any StoreTransaction, at time: String,
        summary: inout ResolutionSummary
    ) throws {
        var raised: Set<Int64> = []
        let conflicts = Set(clustering.identifierConflicts.map { PersonClustering.Pair($0.a, $0.b) })
        for edge in clustering.reviewPairs + clustering.identifierConflicts {
            let a = region.features[edge.a]
            let b = region.features[edge.b]
            let differentNumbers = a.personalNumber != nil && b.personalNumber != nil && a.personalNumber != b.personalNumber
            let type: ReviewType = conflicts.contains(PersonClustering.Pair(edge.a, edge.b)) || differentNumbers ? .identifier : .match
            let explanation = MatchExplanation(model.score(a, b), modelVersion: model.version)
            if let id = try transaction.raiseReviewItem(
                type: type, first: region.ids[edge.a], second: region.ids[edge.b], probability: explanation.probability,
                detail: try explanation.json(), at: time)
            {
                raised.insert(id)
                if type == .identifier { summary.identifierConflicts += 1 } else { summary.reviewItems += 1 }
            }
        }
        for item in try transaction.openReviewItems(touching: summary.batch ? nil : region.ids)
        where item.type != .value && !raised.contains(item.id) && region.position(item.first) != nil
            && region.position(item.second) != nil
        {
            try transaction.setReviewStatus(id: item.id, status: .superseded, at: time)
            summary.reviewItemsSuperseded += 1
        }
    }
}
