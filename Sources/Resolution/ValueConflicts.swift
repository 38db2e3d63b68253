import Domain
import Storage

/// Values that members of one person entity disagree on and that survivorship settled by rule alone: each becomes
/// a `value` review item between the mention whose value won and a mention that says otherwise, so a steward can
/// confirm the winner or pick the other (`conflicts decide ID --choose SOURCE:KEY:FIELD`).
///
/// Only real disagreements count: a year-only birth date does not conflict with a full date in that year, a
/// missing middle name does not conflict with a present one. A field a steward already chose is settled.
public enum ValueConflicts {
    /// One field two mentions disagree on, with both values as text (winner first).
    public struct Field: Codable, Hashable, Sendable {
        public var field: String
        public var values: [String]

        public init(field: String, values: [String]) {
            self.field = field
            self.values = values
        }
    }

    /// The review item a disagreement raises: the winning mention, the dissenting one, and the fields.
    struct Item: Hashable {
        var winner: Int64
        var dissenter: Int64
        var fields: [Field]
    }

    /// The detail stored with a value item.
    public struct Detail: Codable, Sendable {
        /// The mention whose values survivorship kept (the item's other mention dissents).
        public var winner: Int64
        public var fields: [Field]
    }

    static func detect(golden: GoldenPerson, members: [StoredMention], choices: [ValueChoice]) -> [Item] {
        let chosen = Set(choices.map(\.field))
        let idByKey = Dictionary(members.map { ($0.mention.key, $0.id) }, uniquingKeysWith: { first, _ in first })
        var byPair: [Pair: [Field]] = [:]
        func note(_ field: String, winner: MentionKey, _ winning: String, dissenter: Int64, _ dissenting: String) {
            guard let winnerID = idByKey[winner], winnerID != dissenter else { return }
            byPair[Pair(winner: winnerID, dissenter: dissenter), default: []].append(Field(field: field, values: [winning, dissenting]))
        }
        for stored in members {
            guard case .person(let record) = stored.mention.body else { continue }
            if !chosen.contains("birthDate"), let best = golden.birthDate, let date = record.birthDate, !consistent(best.value, date) {
                note("birthDate", winner: best.from, best.value.description, dissenter: stored.id, date.description)
            }
            if !chosen.contains("sex"), let best = golden.sex, let sex = record.sex, sex != best.value {
                note("sex", winner: best.from, best.value.rawValue, dissenter: stored.id, sex.rawValue)
            }
            if !chosen.contains("name"), let best = golden.name, let name = record.name, !sameName(best.value, name) {
                note("name", winner: best.from, best.value.full, dissenter: stored.id, name.full)
            }
        }
        return byPair.map { Item(winner: $0.key.winner, dissenter: $0.key.dissenter, fields: $0.value) }
            .sorted { ($0.winner, $0.dissenter) < ($1.winner, $1.dissenter) }
    }

    private struct Pair: Hashable {
        var winner: Int64
        var dissenter: Int64
    }

    /// Two dates agree when they agree at the coarser precision of the two.
    static func consistent(_ a: PartialDate, _ b: PartialDate) -> Bool {
        guard a.year == b.year else { return false }
        guard let monthA = a.month, let monthB = b.month else { return true }
        guard monthA == monthB else { return false }
        guard let dayA = a.day, let dayB = b.day else { return true }
        return dayA == dayB
    }

    /// Names agree when their folded family and given names do (the middle name is often left out).
    static func sameName(_ a: PersonName, _ b: PersonName) -> Bool {
        guard let familyA = a.family, let familyB = b.family, let givenA = a.given, let givenB = b.given else {
            return a.folded == b.folded
        }
        return TextFolding.fold(familyA) == TextFolding.fold(familyB) && TextFolding.fold(givenA) == TextFolding.fold(givenB)
    }
}
