import Domain
import Matching
import Storage

/// Converts between a person mention's comparison features and its row in the store's person index, and
/// computes its blocking keys. Both directions keep exactly what `PersonFeatures` compares, so features
/// rebuilt from the index score the same as features computed from the mention.
enum PersonIndexing {
    static func features(_ person: PersonRecord) -> PersonFeatures { PersonFeatures(person) }

    static func entry(mentionID: Int64, features f: PersonFeatures) -> PersonIndexEntry {
        PersonIndexEntry(
            mentionID: mentionID, fullName: f.fullName, foldedFullName: f.foldedFullName, foldedFamily: f.foldedFamily,
            foldedMiddle: f.foldedMiddle, foldedGiven: f.foldedGiven, birthDate: f.birthDate?.description, sex: f.sex?.rawValue,
            personalNumber: f.personalNumber, legacyNumbers: f.legacyNumbers, documentNumbers: f.documentNumbers,
            streets: f.streets.map(\.stored), postalCodes: f.postalCodes, communeCodes: f.communeCodes,
            provinceCodes: f.provinceCodes)
    }

    static func features(_ entry: PersonIndexEntry) -> PersonFeatures {
        PersonFeatures(
            fullName: entry.fullName, foldedFullName: entry.foldedFullName, foldedFamily: entry.foldedFamily,
            foldedMiddle: entry.foldedMiddle, foldedGiven: entry.foldedGiven, birthDate: entry.birthDate.flatMap(PartialDate.init(iso:)),
            sex: entry.sex.flatMap(Sex.init(rawValue:)), personalNumber: entry.personalNumber, legacyNumbers: entry.legacyNumbers,
            documentNumbers: entry.documentNumbers, streets: entry.streets.compactMap(StreetAddress.init(stored:)),
            postalCodes: entry.postalCodes, communeCodes: entry.communeCodes, provinceCodes: entry.provinceCodes)
    }

    static func keys(_ features: PersonFeatures, rules: [BlockingRule]) -> [BlockingKeyHash] {
        rules.flatMap { rule in rule.keyHashes(features).map { BlockingKeyHash(rule: rule.name, hash: $0) } }
    }

    /// Makes the stored blocking keys those of `rules`, for every indexed person: a rule that is new, or whose
    /// parts changed (a model trained with other rules became active), gets its keys built from the person index;
    /// keys of rules no longer in use are removed. Returns the names of the rules (re)built; nothing is done when the
    /// store already holds exactly these rules.
    @discardableResult
    static func ensureKeys(rules: [BlockingRule], in transaction: any StoreTransaction) throws -> [String] {
        let indexed = try dropUnusedRules(keeping: rules, in: transaction)
        let stale = rules.filter { indexed[$0.name] != $0.partsText }
        guard !stale.isEmpty else { return [] }
        for rule in stale { try transaction.dropBlockingRule(rule.name) }
        if try transaction.personIndexCount() == 0 {
            for rule in stale { try transaction.markBlockingRuleIndexed(rule.name, parts: rule.partsText) }
            return stale.map(\.name)
        }
        var keys = Array(repeating: [(mentionID: Int64, hash: Int64)](), count: stale.count)
        try transaction.forEachPersonIndexEntry { entry in
            let personFeatures = features(entry)
            for (index, rule) in stale.enumerated() {
                for hash in rule.keyHashes(personFeatures) { keys[index].append((entry.mentionID, hash)) }
            }
        }
        for (index, rule) in stale.enumerated() {
            try transaction.addBlockingKeys(rule: rule.name, keys[index])
            try transaction.markBlockingRuleIndexed(rule.name, parts: rule.partsText)
        }
        return stale.map(\.name)
    }

    /// Records `rules` as complete once every live person was indexed under them (`resolve --all` re-indexes each,
    /// replacing all of its keys), dropping the keys of rules no longer used: what `ensureKeys` would build is there.
    static func markKeysComplete(rules: [BlockingRule], in transaction: any StoreTransaction) throws {
        let indexed = try dropUnusedRules(keeping: rules, in: transaction)
        for rule in rules where indexed[rule.name] != rule.partsText {
            try transaction.markBlockingRuleIndexed(rule.name, parts: rule.partsText)
        }
    }

    /// Drops the keys and marks of indexed rules not among `rules`; returns the marks as they were.
    private static func dropUnusedRules(keeping rules: [BlockingRule], in transaction: any StoreTransaction) throws -> [String: String] {
        let indexed = try transaction.indexedBlockingRules()
        for name in indexed.keys.sorted() where !rules.contains(where: { $0.name == name }) { try transaction.dropBlockingRule(name) }
        return indexed
    }
}
