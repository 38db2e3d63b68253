import Domain
import Foundation
import Publication
import Reference
import Storage

/// `lienthong report quality`: where the registries disagree, commune by commune.
enum ReportCommand {
    static let command = Command(
        name: "report", summary: "data-quality report per 2025 commune, with totals",
        usage: "quality [--province P] [--commune C] [--json]",
        options: [
            .value("--province", "P", "only communes of this 2025 province code"),
            .value("--commune", "C", "only this 2025 commune code"),
        ],
        examples: ["lienthong report quality", "lienthong report quality --province 01 --json"],
        details: """
            Per 2025 commune: person entities; those without a valid 12-digit number; land owners and enterprise
            representatives not linked to any resident record; mentions still on pre-2025 addresses; identifier
            findings (invalid or inconsistent numbers) by kind; open review items by type. A person counts in every
            commune one of its records places it in, and once in the totals. Mentions no 2025 commune could be given
            to are reported under '(no 2025 commune)'. Quarantined records failed mapping and have no commune: they
            are listed by source and reason after the table.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals == ["quality"] else {
            throw UsageError(message: "expected 'quality', got '\(arguments.positionals.joined(separator: " "))'", verb: "report")
        }
        let province = arguments.value("--province"), commune = arguments.value("--commune")
        let reference = try context.reference()
        let report = try context.store().read {
            try DataQualityReport.compute(from: $0, province: province, commune: commune, map: reference)
        }
        if context.wantsJSON {
            try context.console.json(report)
        } else {
            print(report, reference: reference, to: context.console)
        }
        return ExitCode.ok
    }

    static let header = ["commune", "persons", "no-12-digit", "owners-unlinked", "reps-unlinked", "pre-2025-addr", "id-findings", "open-review"]

    static func cells(_ figures: DataQualityReport.Figures) -> [String] {
        [
            figures.persons, figures.personsWithoutPersonalNumber, figures.landOwnersNotResidents, figures.representativesNotResidents,
            figures.mentionsOnPre2025Addresses, figures.identifierFindings.values.reduce(0, +), figures.openReviewItems.values.reduce(0, +),
        ].map(String.init)
    }

    static func print(_ report: DataQualityReport, reference: ReferenceData?, to console: Console) {
        func label(_ commune: DataQualityReport.Commune) -> String {
            guard !commune.code.isEmpty else { return "(no 2025 commune)" }
            let name = reference?.commune2025(code: commune.code)?.name
            return commune.code + (name.map { " " + $0 } ?? "")
        }
        var rows = report.communes.map { [label($0)] + cells($0.figures) }
        rows.append(["total"] + cells(report.totals))
        let widths = header.indices.map { column in ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + pad : pad + text
            }.joined(separator: "  ")
        }
        console.out("\(report.communes.count) communes")
        console.out(line(header))
        for row in rows { console.out(line(row)) }
        let findings = report.totals.identifierFindings.sorted { $0.key < $1.key }
        if !findings.isEmpty {
            console.out("")
            console.out("identifier findings by rule: " + findings.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        let review = report.totals.openReviewItems.sorted { $0.key < $1.key }
        if !review.isEmpty { console.out("open review items by type: " + review.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
        console.out("")
        console.out("quarantined records: \(report.quarantinedRecords)")
        for (source, reasons) in report.quarantinedByReason.sorted(by: { $0.key < $1.key }) {
            console.out("  \(source): " + reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }
}
