import Domain
import Foundation
import Resolution
import Storage

/// The end-of-demo picture: what the store holds, how well persons were reconciled against the generator's
/// truth, and one reconciled person with the provenance of every golden field.
struct DemoSummary: Encodable {
    var store: StoreSummary
    var personsBySourceCount: [String: Int]
    var quality: ClusterQuality?
    var sample: GoldenRecord?

    static func build(store: any Store, truthFile: String?) throws -> DemoSummary {
        var predicted: [String: String] = [:]
        var sourcesByEntity: [String: Set<String>] = [:]
        let summary = try store.read { reader in
            try reader.clusterAssignments(kind: .person) { row in
                predicted["\(row.source),\(row.recordKey)"] = row.entityID
                sourcesByEntity[row.entityID, default: []].insert(row.source)
            }
            return try reader.summary()
        }
        var histogram: [String: Int] = [:]
        for sources in sourcesByEntity.values { histogram["\(sources.count)", default: 0] += 1 }
        var quality: ClusterQuality?
        if let truthFile, let text = try? String(contentsOfFile: truthFile, encoding: .utf8) {
            var truth: [String: String] = [:]
            for line in text.split(separator: "\n").dropFirst() {
                guard let comma = line.lastIndex(of: ",") else { continue }
                truth[String(line[..<comma])] = String(line[line.index(after: comma)...])
            }
            quality = ClusterQuality(predicted: predicted, truth: truth)
        }
        let richest = sourcesByEntity.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        let sample = try richest.flatMap { id in try store.read { try $0.goldenRecord(entityID: id) } }
        return DemoSummary(store: summary, personsBySourceCount: histogram, quality: quality, sample: sample)
    }

    func print(to console: Console) {
        let mentions = store.mentionsByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let entities = store.entitiesByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        console.out("3. store: mentions \(mentions); entities \(entities); \(store.links) links; "
            + "\(store.quarantined) records quarantined; feed head \(store.feedHead)")
        let spread = personsBySourceCount.sorted { $0.key < $1.key }.map { "\($0.value) in \($0.key)" }.joined(separator: ", ")
        console.out("   persons by number of registries they appear in: \(spread)")
        if let quality {
            console.out(String(
                format: "4. person clusters vs truth.csv: precision %.4f, recall %.4f, F1 %.4f (%d mentions)",
                quality.precision, quality.recall, quality.f1, quality.mentions))
        }
        guard let sample, case .person(let person) = sample.body else { return }
        console.out("5. one reconciled person, \(sample.entityID), from \(sample.mentions.count) mentions:")
        if let name = person.name { console.out("   name        \(name.value.full)   ← \(name.from)") }
        if let date = person.birthDate { console.out("   birth date  \(date.value)   ← \(date.from)") }
        if let sex = person.sex { console.out("   sex         \(sex.value.rawValue)   ← \(sex.from)") }
        for identifier in person.identifiers {
            console.out("   \(identifier.value.type.rawValue)  \(identifier.value.value)\(identifier.value.isValid ? "" : " (invalid)")   ← \(identifier.from)")
        }
        for address in person.addresses.prefix(3) {
            let text = address.value.text ?? address.value.communeCode ?? "?"
            let now = address.value.currentCommuneCodes.joined(separator: "|")
            console.out("   address     \(text)\(now.isEmpty ? "" : " → commune \(now)")   ← \(address.from)")
        }
        console.out("   mentions    " + sample.mentions.map(\.description).joined(separator: ", "))
    }
}
