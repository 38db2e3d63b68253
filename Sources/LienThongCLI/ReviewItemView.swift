import Domain
import Foundation
import Resolution
import Storage

/// One review item as `conflicts show` prints it: the two mentions side by side, field by field, each with its
/// source and location, the score with every weight, and each mention's entity now.
struct ReviewItemView: Encodable {
    struct Side: Encodable {
        var mention: String
        var location: String
        var entity: String?
        var fields: [String: String]
    }

    var id: Int64
    var type: String
    var status: String
    var createdAt: String
    /// Nil when blinded (`--blind`): the steward decides without seeing the machine's opinion.
    var probability: Double?
    var sides: [Side]
    var explanation: MatchExplanation?
    /// A value item's disagreement: each field with the winning value first.
    var valueConflict: ValueConflicts.Detail?

    static let fieldOrder = ["name", "birthDate", "sex", "personalNumber", "legacyID9", "address", "phone", "household"]

    static func load(id: Int64, from reader: any StoreReader) throws -> ReviewItemView? {
        guard let item = try reader.reviewItem(id: id) else { return nil }
        var sides: [Side] = []
        for mentionID in [item.first, item.second] {
            guard let stored = try reader.mention(id: mentionID) else { continue }
            sides.append(
                Side(
                    mention: stored.mention.key.description, location: stored.mention.location.description,
                    entity: try reader.entityID(ofMention: mentionID), fields: fields(of: stored.mention)))
        }
        let detail = Data(item.detail.utf8)
        let isValue = item.type == .value
        return ReviewItemView(
            id: item.id, type: item.type.rawValue, status: item.status.rawValue, createdAt: item.createdAt, probability: isValue ? nil : item.probability,
            sides: sides, explanation: isValue ? nil : try? JSONDecoder().decode(MatchExplanation.self, from: detail),
            valueConflict: isValue ? try? JSONDecoder().decode(ValueConflicts.Detail.self, from: detail) : nil)
    }

    /// The view without the machine's scores, for unbiased labelling.
    var blinded: ReviewItemView {
        var view = self
        view.probability = nil
        view.explanation = nil
        return view
    }

    static func fields(of mention: Mention) -> [String: String] {
        guard case .person(let person) = mention.body else { return [:] }
        var fields: [String: String] = [:]
        fields["name"] = person.name?.full
        fields["birthDate"] = person.birthDate?.description
        fields["sex"] = person.sex?.rawValue
        fields["personalNumber"] = person.identifiers.filter { $0.type == .personalNumber }.map { $0.value + ($0.isValid ? "" : " (invalid)") }
            .joined(separator: ", ").nilIfEmpty
        fields["legacyID9"] = person.identifiers.filter { $0.type == .legacyID9 }.map(\.value).joined(separator: ", ").nilIfEmpty
        fields["address"] = person.addresses.map { address in
            (address.text ?? "") + (address.currentCommuneCodes.isEmpty ? "" : " → commune \(address.currentCommuneCodes.joined(separator: "|"))")
        }.joined(separator: "; ").nilIfEmpty
        fields["phone"] = person.phone
        fields["household"] = person.householdID.map { $0 + (person.householdRelation.map { " (\($0))" } ?? "") }
        return fields
    }

    func print(to console: Console, highlight: Bool) {
        let score = probability.map { ", match probability " + String(format: "%.6f", $0) } ?? ""
        console.out("review item \(id): \(type), \(status), raised \(createdAt)\(score)")
        guard sides.count == 2 else { return }
        let width = 40
        func cell(_ text: String) -> String {
            let clipped = text.count > width ? String(text.prefix(width - 1)) + "…" : text
            return clipped.padding(toLength: width, withPad: " ", startingAt: 0)
        }
        console.out("")
        console.out("  " + "".padding(toLength: 15, withPad: " ", startingAt: 0) + cell(sides[0].mention) + "  " + sides[1].mention)
        console.out("  " + "location".padding(toLength: 15, withPad: " ", startingAt: 0) + cell(sides[0].location) + "  " + sides[1].location)
        console.out("  " + "entity now".padding(toLength: 15, withPad: " ", startingAt: 0) + cell(sides[0].entity ?? "-") + "  " + (sides[1].entity ?? "-"))
        for field in Self.fieldOrder {
            let a = sides[0].fields[field], b = sides[1].fields[field]
            guard a != nil || b != nil else { continue }
            let differs = a != b
            let marker = differs ? "≠ " : "  "
            var line = marker + field.padding(toLength: 15, withPad: " ", startingAt: 0) + cell(a ?? "—") + "  " + (b ?? "—")
            if differs && highlight { line = "\u{1B}[1;33m" + line + "\u{1B}[0m" }
            console.out(line)
        }
        if let valueConflict {
            console.out("")
            for field in valueConflict.fields {
                console.out("  \(field.field): survivorship kept '\(field.values.first ?? "")' over '\(field.values.dropFirst().first ?? "")'")
            }
        }
        guard let explanation else { return }
        console.out("")
        console.out("  score (model \(explanation.modelVersion)): prior \(String(format: "%+.2f", explanation.priorWeight))")
        for line in explanation.lines {
            console.out("    " + line.comparison.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%+7.2f  ", line.weight) + line.label)
        }
        console.out("  total \(String(format: "%.2f", explanation.totalWeight)) → probability \(String(format: "%.6f", explanation.probability))")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
