import YAML

extension ServiceConfigurationLoader.Reader {
    /// `mode: incremental | snapshot` with, for snapshots, `tombstones: retire | keep` and `tombstone_limit: P%`.
    /// Nil for an incremental source (the default); the tombstone keys on an incremental source are errors (not
    /// reported again when `mode` itself is wrong).
    mutating func snapshotPolicy(_ source: YAMLNode) -> SnapshotPolicy? {
        var snapshot = false
        if let node = source["mode"], let text = attempt({ () throws(YAMLError) in try node.string() }) {
            switch text {
            case "snapshot": snapshot = true
            case "incremental": snapshot = false
            default:
                errors.append(
                    node.error(
                        "config.mode", "mode is 'incremental' (each input adds and changes records) or 'snapshot' (each input is the "
                            + "whole source), found '\(text)'", suggestion: EditDistance.nearest(to: text, in: ["incremental", "snapshot"])))
                return nil
            }
        }
        guard snapshot else {
            for pair in source.pairs where pair.name == "tombstones" || pair.name == "tombstone_limit" {
                errors.append(pair.key.error("config.mode", "\(pair.name) applies to 'mode: snapshot' sources only"))
            }
            return nil
        }
        var policy = SnapshotPolicy()
        if let node = source["tombstones"], let text = attempt({ () throws(YAMLError) in try node.string() }) {
            if let tombstones = SnapshotPolicy.Tombstones(rawValue: text) {
                policy.tombstones = tombstones
            } else {
                errors.append(
                    node.error(
                        "config.tombstones", "tombstones is 'retire' or 'keep', found '\(text)'",
                        suggestion: EditDistance.nearest(to: text, in: SnapshotPolicy.Tombstones.allCases.map(\.rawValue))))
            }
        }
        if let node = source["tombstone_limit"], let text = attempt({ () throws(YAMLError) in try node.string() }) {
            if let limit = SnapshotPolicy.limit(parsing: text) {
                policy.limit = limit
            } else {
                errors.append(node.error("config.range", "tombstone_limit is a share from 0% to 100%, found '\(text)'"))
            }
        }
        return policy
    }
}
