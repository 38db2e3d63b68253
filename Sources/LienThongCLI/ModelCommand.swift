import Foundation
import Matching
import Resolution
import Storage

enum ModelCommand {
    static let command = Command(
        name: "model", summary: "show the person match model: m, u and weight of every comparison level",
        usage: "show [--version V] | list",
        options: [.value("--version", "V", "a stored version instead of the active one")],
        examples: ["lienthong model show", "lienthong model list --json", "lienthong model show --version defaults-2"],
        details: """
            'show' prints the version, its provenance, λ, and for each comparison each level's m (share among
            matches), u (share among non-matches) and weight log2(m/u). 'list' prints every stored version, the
            active one marked. Without any trained model the hand-set defaults (defaults-2) are in use; train with
            'lienthong resolve --train'.
            """,
        run: run)

    struct Level: Encodable {
        var comparison: String
        var level: Int
        var label: String
        var m: Double
        var u: Double
        var weight: Double
    }

    struct Shown: Encodable {
        var version: String
        var active: Bool
        var trainedAt: String?
        var provenance: String
        var prior: Double
        var levels: [Level]
        var termFrequencyNames: Int
        /// The blocking rules resolution uses with this model: rule name → its parts.
        var blockingRules: [Rule]
        /// True when the model names no rules of its own and the built-in defaults apply.
        var defaultBlockingRules: Bool
    }

    struct Rule: Encodable {
        var name: String
        var parts: [String]
    }

    struct Listed: Encodable {
        var version: String
        var createdAt: String
        var active: Bool
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        switch arguments.positionals {
        case ["show"]: return try show(arguments, context)
        case ["list"]: return try list(context)
        default: throw UsageError(message: "expected 'show' or 'list'", verb: "model")
        }
    }

    static func show(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let (model, active): (FellegiSunterModel, Bool) = try context.store().read { reader in
            let stored = try reader.models()
            if let version = arguments.value("--version") {
                if version == FellegiSunterModel.defaults.version, !stored.contains(where: { $0.version == version }) {
                    return (.defaults, stored.allSatisfy { !$0.active })
                }
                guard let found = stored.first(where: { $0.version == version }) else {
                    throw UsageError(message: "no model version '\(version)' (see 'lienthong model list')", verb: "model")
                }
                return (try MatchModels.decode(found), found.active)
            }
            return (try MatchModels.active(in: reader), true)
        }
        // Levels added after the model was trained have no parameters; they are scored as the level they fell into
        // before (`Comparison.level(_:_:known:)`), so they are not listed.
        let levels = model.parameters.flatMap { parameter in
            (1..<max(1, parameter.knownLevels)).map { level in
                let m = level < parameter.m.count ? parameter.m[level] : 0
                let u = level < parameter.u.count ? parameter.u[level] : 0
                return Level(
                    comparison: parameter.comparison.name, level: level, label: parameter.comparison.labels[level], m: m, u: u,
                    weight: FellegiSunterModel.weight(m: m, u: u))
            }
        }
        let shown = Shown(
            version: model.version, active: active, trainedAt: model.trainedAt, provenance: model.provenance, prior: model.prior,
            levels: levels, termFrequencyNames: model.termFrequencies.given.count + model.termFrequencies.family.count,
            blockingRules: (model.blockingRules ?? BlockingRule.defaults).map { Rule(name: $0.name, parts: $0.parts.map(\.rawValue)) },
            defaultBlockingRules: model.blockingRules == nil)
        if context.wantsJSON {
            try context.console.json(shown)
            return ExitCode.ok
        }
        let console = context.console
        console.out("model \(shown.version)\(active ? " (active)" : "")" + (shown.trainedAt.map { ", trained \($0)" } ?? ""))
        console.out("  \(shown.provenance)")
        console.out(String(format: "  λ = %.4g (prior weight %+.2f)", shown.prior, CompiledModel.weight(probability: shown.prior)))
        console.out("  term frequencies: \(shown.termFrequencyNames) names")
        if model.parameters.contains(where: { $0.knownLevels < $0.comparison.levelCount }) {
            console.out("  levels added after this model was trained are scored as the level they fell into before")
        }
        console.out("  blocking rules\(shown.defaultBlockingRules ? " (built-in defaults)" : ""):")
        for rule in shown.blockingRules { console.out("    \(rule.name): \(rule.parts.joined(separator: " + "))") }
        var current = ""
        for level in levels {
            if level.comparison != current {
                current = level.comparison
                console.out("")
                console.out("  \(current)")
            }
            let label = level.label.count >= 62 ? level.label : level.label + String(repeating: " ", count: 62 - level.label.count)
            console.out("    \(level.level)  \(label)" + String(format: "  m %.4f  u %.6f  weight %+7.2f", level.m, level.u, level.weight))
        }
        return ExitCode.ok
    }

    static func list(_ context: Context) throws -> Int32 {
        let stored = try context.store().read { try $0.models() }
        var rows = stored.map { Listed(version: $0.version, createdAt: $0.createdAt, active: $0.active) }
        if !rows.contains(where: \.active) {
            rows.append(Listed(version: FellegiSunterModel.defaults.version, createdAt: "built in", active: true))
        }
        if context.wantsJSON {
            try context.console.json(rows)
        } else {
            for row in rows { context.console.out("\(row.active ? "*" : " ") \(row.version)  \(row.createdAt)") }
        }
        return ExitCode.ok
    }
}
