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
            personalNumber: f.personalNumber, legacyNumbers: f.legacyNumbers, communeCodes: f.communeCodes,
            provinceCodes: f.provinceCodes)
    }

    static func features(_ entry: PersonIndexEntry) -> PersonFeatures {
        PersonFeatures(
            fullName: entry.fullName, foldedFullName: entry.foldedFullName, foldedFamily: entry.foldedFamily,
            foldedMiddle: entry.foldedMiddle, foldedGiven: entry.foldedGiven, birthDate: entry.birthDate.flatMap(PartialDate.init(iso:)),
            sex: entry.sex.flatMap(Sex.init(rawValue:)), personalNumber: entry.personalNumber, legacyNumbers: entry.legacyNumbers,
            communeCodes: entry.communeCodes, provinceCodes: entry.provinceCodes)
    }

    static func keys(_ features: PersonFeatures, rules: [BlockingRule]) -> [BlockingKeyHash] {
        rules.flatMap { rule in rule.keyHashes(features).map { BlockingKeyHash(rule: rule.name, hash: $0) } }
    }
}
