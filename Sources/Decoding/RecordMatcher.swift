/// Decides which XML elements are records: children of the root (no path), any element with a local name, or an
/// absolute path of local names. Names are compared by `XMLNameTable` ids; a `prefix:` on a step is ignored (records
/// are found by local name, whatever their namespace).
struct RecordMatcher {
    private enum Mode { case rootChildren, name(Int), path([Int]) }
    private let mode: Mode

    init(_ recordPath: String?, names: XMLNameTable) {
        guard let path = recordPath?.trimmingUnicodeWhitespace(), !path.isEmpty, path != "/" else { mode = .rootChildren; return }
        if path.hasPrefix("/") {
            mode = .path(path.split(separator: "/").map { names.entry(named: Self.local($0)).id })
        } else {
            mode = .name(names.entry(named: Self.local(Substring(path))).id)
        }
    }

    private static func local(_ step: Substring) -> String {
        String(step.lastIndex(of: ":").map { step[step.index(after: $0)...] } ?? step)
    }

    /// True when an element with name `id` at `depth` (root = 0) below `ancestors` (outermost first) is a record.
    func matches(depth: Int, id: Int, ancestors: some Collection<Int>) -> Bool {
        switch mode {
        case .rootChildren: return depth == 1
        case .name(let wanted): return id == wanted
        case .path(let steps):
            guard depth == steps.count - 1, steps.last == id, ancestors.count == depth else { return false }
            return zip(ancestors, steps).allSatisfy { $0 == $1 }
        }
    }
}
