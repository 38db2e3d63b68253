/// A usage error: wrong verb, unknown flag, missing value. Exit code 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var verb: String?
    var description: String { message }
}

/// One option a verb accepts.
struct OptionSpec: Sendable {
    var name: String
    /// Placeholder for the value (`N`, `DIR`); nil for a flag.
    var value: String?
    var help: String
    var repeatable = false

    static func flag(_ name: String, _ help: String) -> OptionSpec { OptionSpec(name: name, value: nil, help: help) }
    static func value(_ name: String, _ value: String, _ help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help, repeatable: repeatable)
    }
}

/// Options shared by every verb.
enum GlobalOptions {
    static let specs: [OptionSpec] = [
        .value("--store", "URL", "store to use: sqlite:PATH (default sqlite:lienthong.db) or postgresql://…; env LIENTHONG_STORE"),
        .value(
            "--store-connections", "N",
            "connections this process keeps to the store, 3…512 (default 8): SQLite readers beside the writer, or the PostgreSQL pool; env LIENTHONG_STORE_CONNECTIONS"),
        .flag("--json", "machine-readable output on stdout"),
        .flag("--help", "show help for the verb"),
    ]
}

/// The parsed words of one invocation: options by name, flags, and positional arguments.
struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    func required(_ name: String, verb: String) throws -> String {
        guard let value = value(name) else { throw UsageError(message: "missing required option \(name)", verb: verb) }
        return value
    }

    func int(_ name: String, default fallback: Int, verb: String, range: ClosedRange<Int> = 0...Int.max) throws -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(message: "\(name) expects a whole number in \(range.lowerBound)...\(range.upperBound), got '\(text)'", verb: verb)
        }
        return number
    }

    /// Parses `words` against the verb's options plus the global ones. `--name=value` and `--name value` both work;
    /// `--` ends options.
    static func parse(_ words: [String], options: [OptionSpec], verb: String) throws -> ParsedArguments {
        let specs = Dictionary((options + GlobalOptions.specs).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            var name = word
            var inline: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inline = String(word[word.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let spec = specs[name] else {
                let known = specs.keys.sorted()
                let hint = Suggestion.nearest(to: name, in: known).map { " (did you mean \($0)?)" } ?? ""
                throw UsageError(message: "unknown option \(name) for '\(verb)'\(hint)", verb: verb)
            }
            if spec.value == nil {
                guard inline == nil else { throw UsageError(message: "\(name) takes no value", verb: verb) }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard index < words.count else { throw UsageError(message: "\(name) needs a value (\(spec.value ?? ""))", verb: verb) }
                value = words[index]
                index += 1
            }
            if !spec.repeatable, parsed.values[name] != nil {
                throw UsageError(message: "\(name) given more than once", verb: verb)
            }
            parsed.values[name, default: []].append(value)
        }
        return parsed
    }
}

/// Nearest-name suggestions for typos in verbs and options.
enum Suggestion {
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
