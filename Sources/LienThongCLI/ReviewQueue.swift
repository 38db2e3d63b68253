import Domain
import Storage

/// The review queue as `conflicts list` and `review` select it: by type, status, place and age, oldest first.
struct ReviewQueue {
    var type: ReviewType?
    /// Nil selects every status.
    var status: ReviewStatus?
    var statusName: String
    var province: String?
    var commune: String?
    /// Only items raised before this time (RFC 3339 text, compared as text with the store's timestamps).
    var raisedBefore: String?

    static let options: [OptionSpec] = [
        .value("--type", "T", "match, identifier or value"),
        .value("--province", "P", "items with a mention in this 2025 province code"),
        .value("--commune", "C", "items with a mention in this 2025 commune code"),
        .value("--older-than", "DURATION", "items raised more than DURATION ago (90m, 36h, 7d, 2w)"),
    ]

    init(_ arguments: ParsedArguments, verb: String, defaultStatus: String = "open") throws {
        type = try arguments.value("--type").map { name -> ReviewType in
            guard let type = ReviewType(rawValue: name) else {
                throw UsageError(message: "unknown --type '\(name)' (match, identifier, value)", verb: verb)
            }
            return type
        }
        statusName = arguments.value("--status") ?? defaultStatus
        status = statusName == "all" ? nil : ReviewStatus(rawValue: statusName)
        guard status != nil || statusName == "all" else {
            throw UsageError(message: "unknown --status '\(statusName)' (open, decided, superseded, all)", verb: verb)
        }
        province = arguments.value("--province")
        commune = arguments.value("--commune")
        raisedBefore = try arguments.value("--older-than").map { text in
            guard let seconds = DurationText.seconds(text) else {
                throw UsageError(message: "--older-than expects a duration such as 90m, 36h, 7d or 2w, not '\(text)'", verb: verb)
            }
            return DurationText.time(seconds)
        }
    }

    /// The selected items, oldest first.
    func items(in reader: any StoreReader) throws -> [ReviewItem] {
        var selected: [ReviewItem] = []
        for item in try reader.reviewItems(status: status, limit: Int(Int32.max)) where type == nil || item.type == type {
            if let raisedBefore, item.createdAt >= raisedBefore { continue }
            if province != nil || commune != nil {
                let entries = try reader.personIndexEntries(mentionIDs: [item.first, item.second])
                let inPlace = entries.contains { entry in
                    (province.map { entry.provinceCodes.contains($0) } ?? true) && (commune.map { entry.communeCodes.contains($0) } ?? true)
                }
                guard inPlace else { continue }
            }
            selected.append(item)
        }
        return selected
    }
}
