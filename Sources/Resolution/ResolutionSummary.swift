import Matching

/// What one resolution pass changed, and how the person resolver decided.
public struct ResolutionSummary: Hashable, Sendable {
    public var mentionsResolved = 0
    /// Mentions tombstoned because a full snapshot no longer contained them.
    public var mentionsRetired = 0
    public var entitiesCreated = 0
    public var entitiesUpdated = 0
    /// Entities retired because they lost every mention (not by a merge).
    public var entitiesRetired = 0
    /// Entities retired into another one (each redirects to its survivor).
    public var entitiesMerged = 0
    /// New entities split off an existing one.
    public var entitiesSplit = 0
    public var feedEvents = 0
    /// True when persons were re-clustered all at once rather than block by block.
    public var batch = false
    /// Person mentions in the re-clustered region (all persons in batch mode).
    public var regionSize = 0
    /// Candidate pairs compared, and how many fell in each band.
    public var pairsCompared = 0
    public var pairsAutoLinked = 0
    public var pairsInReview = 0
    public var pairsRejected = 0
    /// Review items opened or refreshed (match band), and identifier conflicts raised.
    public var reviewItems = 0
    public var identifierConflicts = 0
    /// Value items opened or refreshed: members of one entity disagreeing on a name, birth date or sex.
    public var valueConflicts = 0
    /// Open review items this pass found no longer apply.
    public var reviewItemsSuperseded = 0
    /// Pairs each blocking rule produced (beyond earlier rules).
    public var blocking: [CandidatePairs.RuleReport] = []
    /// The model version that scored the pairs (nil when no person was resolved).
    public var modelVersion: String?

    public init() {}

    /// Adds another pass over the same transaction (the person pass, the strong-key pass): counts are summed, `batch`
    /// is set if either pass was, blocking reports are appended and the first model version named is kept.
    mutating func add(_ other: ResolutionSummary) {
        mentionsResolved += other.mentionsResolved
        mentionsRetired += other.mentionsRetired
        entitiesCreated += other.entitiesCreated
        entitiesUpdated += other.entitiesUpdated
        entitiesRetired += other.entitiesRetired
        entitiesMerged += other.entitiesMerged
        entitiesSplit += other.entitiesSplit
        feedEvents += other.feedEvents
        batch = batch || other.batch
        regionSize += other.regionSize
        pairsCompared += other.pairsCompared
        pairsAutoLinked += other.pairsAutoLinked
        pairsInReview += other.pairsInReview
        pairsRejected += other.pairsRejected
        reviewItems += other.reviewItems
        identifierConflicts += other.identifierConflicts
        valueConflicts += other.valueConflicts
        reviewItemsSuperseded += other.reviewItemsSuperseded
        blocking += other.blocking
        modelVersion = modelVersion ?? other.modelVersion
    }
}
