import Domain
import Resolution
import Storage

enum ResolveCommand {
    static let command = Command(
        name: "resolve", summary: "assign staged mentions to entities and refresh golden records",
        usage: "[--all] [--train [--blocking FILE] [--seed N] [--random-pairs N]] [--auto-link P] [--review-threshold P]",
        options: [
            .flag("--all", "re-index and re-cluster every mention (batch), not only those without an entity"),
            .flag("--train", "estimate the match model from the stored persons first (u from random pairs, m by EM), store it as a new version and make it active; implies --all"),
            .value("--blocking", "FILE", "train with the blocking rules of this YAML file (rules: [{name, parts: [...]}]); the model keeps them and resolution uses them while it is active (default: the active model's rules)"),
            .value("--seed", "N", "seed of the random pairs drawn when training (default 1)"),
            .value("--random-pairs", "N", "random pairs drawn to estimate u when training (default 1000000)"),
        ] + ResolverOptions.specs,
        examples: [
            "lienthong resolve", "lienthong resolve --all --json", "lienthong resolve --train",
            "lienthong resolve --train --blocking blocking.yaml",
        ],
        details: """
            Persons are matched with a Fellegi–Sunter model (the store's active one, else hand-set defaults) on the
            pairs the blocking rules produce: pairs at or above the auto-link probability are linked, pairs between
            the two thresholds become review items, and two different valid 12-digit numbers never merge silently
            (an identifier conflict is raised instead). Parcels and enterprises are linked on their keys. Entity IDs
            are stable: a merge retires IDs with a redirect, a split mints a new ID with lineage. Every golden record
            that changes appends a feed event in the same transaction. The report shows the pairs each blocking rule
            produced and the decisions by band.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        if arguments.value("--blocking") != nil, !arguments.has("--train") {
            throw UsageError(message: "--blocking is given with --train (the rules are trained with and kept by the model)", verb: "resolve")
        }
        let store = try context.store()
        let settings = try context.resolverSettings()
        var trained: TrainingReport?
        if arguments.has("--train") {
            let rules = try arguments.value("--blocking").map { path throws(ServiceConfigurationError) in try BlockingRulesFile.load(path: path) }
            let seed = try arguments.int("--seed", default: 1, verb: "resolve")
            let randomPairs = try arguments.int("--random-pairs", default: 1_000_000, verb: "resolve", range: 1...100_000_000)
            trained = try store.write { transaction in
                try ModelTraining.train(
                    settings: settings, blockingRules: rules, seed: UInt64(seed), randomPairs: randomPairs, in: transaction, at: Clock.now())
            }
        }
        let all = arguments.has("--all") || trained != nil
        let map = try context.reference()
        let summary = try store.write { transaction in
            let resolver = try Resolver.loading(settings: settings, map: map, from: transaction)
            if all {
                for id in try transaction.mentionIDs(unresolvedOnly: false) {
                    if let stored = try transaction.mention(id: id) { try resolver.index(stored, in: transaction) }
                }
                try resolver.markIndexComplete(in: transaction)
            } else {
                try resolver.prepareIndex(in: transaction)
            }
            let ids = try transaction.mentionIDs(unresolvedOnly: !all)
            return try resolver.resolve(changed: ids, batch: all, in: transaction, at: Clock.now())
        }
        let report = ResolveReport(summary, trained: trained)
        if context.wantsJSON {
            try context.console.json(report)
        } else {
            report.print(to: context.console)
        }
        return ExitCode.ok
    }
}
