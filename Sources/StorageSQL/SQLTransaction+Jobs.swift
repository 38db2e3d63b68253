import Domain
import Storage

/// The scheduler's per-source state and the run history (`job_runs`).
extension SQLTransaction {
    func jobState(name: String) throws -> JobState? {
        let statement = try connection.statement("SELECT name, paused, last_slot, failures, retry_at FROM job_states WHERE name = ?")
            .bind(.text(name))
        defer { statement.reset() }
        return try statement.step() ? jobState(statement) : nil
    }

    private func jobState(_ statement: any SQLStatement) -> JobState {
        JobState(
            name: statement.text(0), paused: statement.int(1) != 0, lastSlot: statement.optionalText(2), failures: Int(statement.int(3)),
            retryAt: statement.optionalText(4))
    }

    func putJobState(_ state: JobState) throws {
        try connection.statement(
            """
            INSERT INTO job_states (name, paused, last_slot, failures, retry_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET paused = excluded.paused, last_slot = excluded.last_slot, failures = excluded.failures,
                retry_at = excluded.retry_at
            """)
            .bind(.text(state.name), .int(state.paused ? 1 : 0), .optional(state.lastSlot), .int(Int64(state.failures)), .optional(state.retryAt))
            .run()
    }

    func jobRuns(source: String?, limit: Int) throws -> [JobRun] {
        // Two statements, not `? IS NULL OR source = ?`: only the plain equality uses `job_runs_by_source`.
        let columns = "SELECT id, source, status, started_at, finished_at, counts, error FROM job_runs"
        let limit = SQLValue.int(Int64(max(0, limit)))
        let statement =
            try source.map { try connection.statement("\(columns) WHERE source = ? ORDER BY id DESC LIMIT ?").bind(.text($0), limit) }
            ?? connection.statement("\(columns) ORDER BY id DESC LIMIT ?").bind(limit)
        var runs: [JobRun] = []
        while try statement.step() {
            let counts = try statement.optionalText(5).map { try StoredJSON.decode(RunCounts.self, $0, what: "job run counts") }
            runs.append(
                JobRun(
                    id: statement.int(0), source: statement.text(1), status: statement.text(2), startedAt: statement.text(3),
                    finishedAt: statement.optionalText(4), counts: counts, error: statement.optionalText(6)))
        }
        return runs
    }

    func runningJobSources() throws -> [String] {
        let statement = try connection.statement("SELECT DISTINCT source FROM job_runs WHERE status = 'running' ORDER BY source")
        return try statement.rows { statement in statement.text(0) }
    }

    func interruptRunningJobs(source: String, at time: String) throws -> Int {
        try connection.statement(
            """
            UPDATE job_runs SET status = 'interrupted', finished_at = ?, error = 'the process running it stopped before it finished'
            WHERE status = 'running' AND source = ?
            """
        ).bind(.text(time), .text(source)).runCountingChanges()
    }
}
