/// A verb of the `lienthong` CLI: its help text, options and behaviour.
struct Command: Sendable {
    var name: String
    var summary: String
    /// Usage line after `lienthong <name>`, e.g. `--persons N --seed S --out DIR`.
    var usage: String
    var options: [OptionSpec]
    var examples: [String]
    /// Longer explanation shown by `--help`.
    var details: String = ""
    var run: @Sendable (ParsedArguments, Context) throws -> Int32

    func help() -> String {
        var text = "lienthong \(name) — \(summary)\n\nUsage: lienthong \(name) \(usage)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        let all = options + GlobalOptions.specs
        text += "\nOptions:\n"
        let width = all.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
        for option in all {
            let left = option.name + (option.value.map { " " + $0 } ?? "")
            text += "  " + left + String(repeating: " ", count: width - left.count + 2) + option.help + "\n"
        }
        if !examples.isEmpty {
            text += "\nExamples:\n" + examples.map { "  \($0)\n" }.joined()
        }
        return text
    }
}

/// Exit codes (documented in README.md and `lienthong --help`).
enum ExitCode {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}
