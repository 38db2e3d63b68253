import Domain
import Foundation
import Resolution
import Storage

enum ExportCommand {
    static let command = Command(
        name: "export", summary: "export clusters (source,source_record_key,cluster_id) or steward-labelled pairs",
        usage: "clusters [--format csv] [--kind person|parcel|enterprise] | labels [--format csv|jsonl]",
        options: [
            .value("--format", "FORMAT", "clusters: csv; labels: csv (default) or jsonl"),
            .value("--kind", "KIND", "clusters: which mentions to export (default person)"),
        ],
        examples: [
            "lienthong export clusters --format csv > clusters.csv", "lienthong export labels > labels.csv",
            "lienthong export labels --format jsonl | jq .probability_now",
        ],
        details: """
            clusters: one row per mention of the kind, ordered by source and key; cluster_id is the entity id.
            labels: one row per pair of person mentions a steward labelled (every must-link and never-link, from
            review decisions, merges, splits and unlinks), with the review item it answered, the probability when
            the item was raised and the probability under the active model now — to evaluate thresholds
            (precision and recall of the auto-link and review bands against stewards' answers).
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        switch arguments.positionals {
        case ["clusters"]: return try clusters(arguments, context)
        case ["labels"]: return try labels(arguments, context)
        default:
            throw UsageError(message: "expected 'clusters' or 'labels', got '\(arguments.positionals.joined(separator: " "))'", verb: "export")
        }
    }

    static func clusters(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let format = arguments.value("--format") ?? "csv"
        guard format == "csv" else { throw UsageError(message: "unsupported --format '\(format)' for clusters (csv)", verb: "export") }
        let kindName = arguments.value("--kind") ?? "person"
        guard let kind = EntityKind(rawValue: kindName) else {
            throw UsageError(message: "unknown --kind '\(kindName)' (person, parcel, enterprise)", verb: "export")
        }
        context.console.out("source,source_record_key,cluster_id")
        try context.store().read { reader in
            try reader.clusterAssignments(kind: kind) { row in
                context.console.out("\(CSVField.escape(row.source)),\(CSVField.escape(row.recordKey)),\(CSVField.escape(row.entityID))")
            }
        }
        return ExitCode.ok
    }

    /// One labelled pair as exported; the CSV columns are these keys in this order.
    struct LabelRow: Encodable {
        var first: String
        var second: String
        var label: String
        var actor: String
        var decided_at: String
        var review_item: Int64?
        var review_type: String?
        var probability_when_raised: Double?
        var probability_now: Double?
        var model_version: String
        var reason: String?

        static let columns = [
            "first", "second", "label", "actor", "decided_at", "review_item", "review_type", "probability_when_raised",
            "probability_now", "model_version", "reason",
        ]

        init(_ label: StewardLabel) {
            first = label.first.description
            second = label.second.description
            self.label = label.same ? "match" : "non_match"
            actor = label.actor
            decided_at = label.decidedAt
            review_item = label.reviewItem
            review_type = label.reviewType?.rawValue
            probability_when_raised = label.probabilityWhenRaised
            probability_now = label.probabilityNow
            model_version = label.modelVersion
            reason = label.reason
        }

        var csv: String {
            let cells: [String] = [
                first, second, label, actor, decided_at, review_item.map(String.init) ?? "", review_type ?? "",
                probability_when_raised.map { String(format: "%.6f", $0) } ?? "", probability_now.map { String(format: "%.6f", $0) } ?? "",
                model_version, reason ?? "",
            ]
            return cells.map(CSVField.escape).joined(separator: ",")
        }
    }

    static func labels(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let format = arguments.value("--format") ?? "csv"
        guard format == "csv" || format == "jsonl" else {
            throw UsageError(message: "unsupported --format '\(format)' for labels (csv, jsonl)", verb: "export")
        }
        let rows = try context.store().read { try StewardLabel.collect(from: $0) }.map(LabelRow.init)
        if format == "csv" {
            context.console.out(LabelRow.columns.joined(separator: ","))
            for row in rows { context.console.out(row.csv) }
        } else {
            for row in rows { try context.console.jsonLine(row) }
        }
        return ExitCode.ok
    }
}

/// RFC 4180 quoting for one output field.
enum CSVField {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
