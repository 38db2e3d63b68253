import Domain
import Storage

enum ExportCommand {
    static let command = Command(
        name: "export", summary: "export clusters as CSV: source,source_record_key,cluster_id",
        usage: "clusters [--format csv] [--kind person|parcel|enterprise]",
        options: [
            .value("--format", "FORMAT", "csv (the only format for now)"),
            .value("--kind", "KIND", "which mentions to export (default person)"),
        ],
        examples: ["lienthong export clusters --format csv > clusters.csv"],
        details: "One row per mention of the kind, ordered by source and key; cluster_id is the entity id.",
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals == ["clusters"] else {
            throw UsageError(message: "expected 'clusters', got '\(arguments.positionals.joined(separator: " "))'", verb: "export")
        }
        let format = arguments.value("--format") ?? "csv"
        guard format == "csv" else { throw UsageError(message: "unsupported --format '\(format)' (csv)", verb: "export") }
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
}

/// RFC 4180 quoting for one output field.
enum CSVField {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
