import Storage

/// Claims on every name a run of a source is known by: the daemon's job name and the mapping's source (`lienthong
/// ingest` knows only the latter), so a job and an ingest of one source never run at once whatever the job is called.
enum SourceClaim {
    /// All of `names` (each once, in order), or nil — with none kept — when another process holds one.
    static func claim(_ names: [String], in store: any Store) throws -> JobClaim? {
        var held: [JobClaim] = []
        var seen: Set<String> = []
        for name in names where seen.insert(name).inserted {
            guard let claim = try store.claimJob(name) else {
                held.forEach { $0.release() }
                return nil
            }
            held.append(claim)
        }
        return JobClaim { held.reversed().forEach { $0.release() } }
    }

    /// The names of a configured source: its job name, then its mapping's source.
    static func names(of source: SourceConfiguration) -> [String] {
        [source.name] + (source.loadedMapping.map { [$0.source] } ?? [])
    }
}
