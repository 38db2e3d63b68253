import Resolution
import Storage

/// Resolver options shared by the verbs that resolve (`resolve`, `ingest`, `demo`).
enum ResolverOptions {
    static let specs: [OptionSpec] = [
        .value("--auto-link", "P", "link pairs at or above this match probability automatically (default 0.95)"),
        .value("--review-threshold", "P", "queue pairs at or above this probability for review (default 0.30)"),
    ]
}

extension Context {
    /// Default settings with `--auto-link` / `--review-threshold` applied (when the verb accepts them).
    func resolverSettings() throws -> ResolverSettings {
        var settings = ResolverSettings()
        func probability(_ name: String) throws -> Double? {
            guard let text = arguments.value(name) else { return nil }
            guard let value = Double(text), (0...1).contains(value) else {
                throw UsageError(message: "\(name) expects a probability between 0 and 1, got '\(text)'")
            }
            return value
        }
        if let value = try probability("--auto-link") { settings.autoLinkProbability = value }
        if let value = try probability("--review-threshold") { settings.reviewProbability = value }
        if let problem = settings.problem { throw UsageError(message: problem) }
        return settings
    }

    /// The resolver with the store's active match model.
    func resolver() throws -> Resolver {
        let settings = try resolverSettings()
        let map = try reference()
        return try store().read { try Resolver.loading(settings: settings, map: map, from: $0) }
    }
}
