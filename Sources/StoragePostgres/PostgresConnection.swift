import CLibPQ
import Storage
import StorageSQL

/// One libpq connection and its prepared statements (named `s1`, `s2` … and cached by SQL text). Not thread-safe:
/// `SQLConnectionPool` lends it to one thread at a time.
///
/// Writes inside a transaction are pipelined (`PostgresStatement.perform`, libpq's pipeline mode): sent without
/// waiting, their outcomes read in one go with the next command that waits (`settle`, `executePrepared`, `commit`).
/// A read-only transaction's COMMIT is sent without waiting at all (`endReadOnly`); its outcome is read when the
/// connection is next used.
final class PostgresConnection: SQLConnection {
    let handle: OpaquePointer
    private var cache: [String: PostgresStatement] = [:]
    /// The writes sent in pipeline mode whose outcomes are not read yet, oldest first (their SQL, for the error).
    private var unsettled: [String] = []
    /// Statements sent and synced (flushed to the server) whose outcomes are not read yet: a read's COMMIT.
    private var inFlight: [String] = []
    /// Statements in flight before their outcomes are read: bounds the statement texts and answers held meanwhile.
    static let pipelineDepth = 256
    var dialect: SQLDialect { .postgres }
    /// PostgreSQL keeps no row id: inserts that need their key use `RETURNING`.
    var lastInsertRowID: Int64? { nil }

    /// Connects with a libpq connection string or `postgresql://` URI (libpq reads both, and the PG* environment).
    init(conninfo: String) throws {
        guard let handle = PQconnectdb(conninfo) else { throw StoreError.cannotOpen(location: Self.redacted(conninfo), reason: "out of memory") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Self.message(PQerrorMessage(handle))
            PQfinish(handle)
            throw StoreError.cannotOpen(location: Self.redacted(conninfo), reason: reason)
        }
        self.handle = handle
        lt_pq_silence_notices(handle)
        // No parallel query: the gateway's statements are lookups by key and small batches, and a parallel plan is only
        // ever chosen from a row estimate without statistics (tables grown inside one long load transaction, which
        // autovacuum cannot analyse). Each one then starts worker processes, milliseconds per lookup: a land file of
        // 86,539 rows loaded in 78 s without, and had not finished after 400 s with (bench/postgres-plans.sh).
        try execute("SET client_encoding = 'UTF8'; SET max_parallel_workers_per_gather = 0")
    }

    deinit {
        cache.removeAll()
        PQfinish(handle)
    }

    /// Frees every cached statement's result (a transaction's results are not kept past it). Called when the
    /// transaction's body is done, before or after its end.
    func resetAll() {
        for statement in cache.values { statement.reset() }
    }

    /// False once the server has gone away, or when the connection was left inside a transaction or a pipeline (a
    /// failed ROLLBACK): the pool then drops it instead of lending it again. A read's COMMIT sent without waiting
    /// (`endReadOnly`) leaves it in a pipeline on purpose: its next user reads that outcome first.
    var isUsable: Bool {
        PQstatus(handle) == CONNECTION_OK
            && (!inFlight.isEmpty || (PQpipelineStatus(handle) == PQ_PIPELINE_OFF && PQtransactionStatus(handle) == PQTRANS_IDLE))
    }

    /// Runs `sql` and waits for it. The pipelined writes are settled first; when one of them failed, `sql` still runs
    /// (a ROLLBACK must; a COMMIT of the failed transaction only rolls it back) and that failure is thrown.
    func execute(_ sql: String) throws {
        let settled = Result { try settle() }
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try settled.get()
        try check(result, sql: sql)
    }

    /// True inside a transaction block (BEGIN … COMMIT), where a write may be pipelined.
    var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || (status == PQTRANS_ACTIVE && !unsettled.isEmpty)
    }

    /// Ends the transaction with COMMIT in the same round trip as the pipelined writes before it. When one of them
    /// failed the server skipped the COMMIT: that failure is thrown and the transaction is left open, for the caller's
    /// ROLLBACK.
    func commit() throws {
        guard !unsettled.isEmpty else { return try execute("COMMIT") }
        if unsettled.count >= Self.pipelineDepth - 1 { try settle() }  // the COMMIT must not be settled by `send`
        try send(command: "COMMIT")
        try settle()
    }

    /// Ends a read-only transaction. When nothing but its BEGIN is unread, the COMMIT is sent and flushed without
    /// waiting: the server ends the transaction at once, and the connection's next user reads the outcome first
    /// (`collectInFlight`). With more unread (a batch of lookups cut short), it waits, as `commit` does.
    func endReadOnly() throws {
        guard unsettled.count <= 1 else { return try commit() }
        try send(command: "COMMIT")
        guard PQpipelineSync(handle) == 1 else {
            throw StoreError.engine("libpq could not send the pipeline: \(Self.message(PQerrorMessage(handle)))")
        }
        inFlight = unsettled
        unsettled = []
    }

    /// Reads the outcomes `endReadOnly` left, and leaves pipeline mode. That read has returned to its caller, so its
    /// outcome is nobody's to report; when it failed (its transaction then still open) it is rolled back here. A lost
    /// connection shows in what the next statement gets.
    private func collectInFlight() {
        guard !inFlight.isEmpty else { return }
        let pending = inFlight
        inFlight = []
        do {
            try collect(pending, synced: true).forEach { PQclear($0) }
        } catch {
            let status = PQtransactionStatus(handle)
            if status == PQTRANS_INTRANS || status == PQTRANS_INERROR { PQclear(PQexec(handle, "ROLLBACK")) }
        }
    }

    /// Executes a prepared statement and returns its result (the caller clears it; `check` has not seen it). With
    /// writes pipelined before it, it joins their pipeline: one round trip for all of them, and their first failure
    /// is thrown.
    func executePrepared(_ statement: String, _ parameters: [UnsafePointer<CChar>?], sql: String) throws -> OpaquePointer? {
        collectInFlight()
        guard !unsettled.isEmpty else {
            return parameters.withUnsafeBufferPointer { PQexecPrepared(handle, statement, Int32(parameters.count), $0.baseAddress, nil, nil, 0) }
        }
        // Sent as the last in the pipeline: at its depth `send` would settle it with the rest and drop its answer.
        if unsettled.count >= Self.pipelineDepth - 1 { try settle() }
        try send(statement, parameters, sql: sql)
        var answers = try self.answers()
        let last = answers.popLast()
        answers.forEach { PQclear($0) }
        return last
    }

    /// Sends a command without parameters (BEGIN, a lock) without waiting for its outcome: the first statement that
    /// waits reads it, and fails with it.
    func send(command sql: String) throws {
        try pipeline(sql) { PQsendQueryParams(handle, sql, 0, nil, nil, nil, nil, 0) }
    }

    /// Sends a prepared statement without waiting for its outcome (`settle` or `answers` reads it).
    func send(_ statement: String, _ parameters: [UnsafePointer<CChar>?], sql: String) throws {
        try pipeline(sql) {
            parameters.withUnsafeBufferPointer { PQsendQueryPrepared(handle, statement, Int32(parameters.count), $0.baseAddress, nil, nil, 0) }
        }
    }

    /// Enters pipeline mode if needed, sends with `sending` (a libpq send call, 1 when sent) and counts `sql` as in
    /// flight, settling once `pipelineDepth` are.
    private func pipeline(_ sql: String, _ sending: () -> Int32) throws {
        collectInFlight()
        if unsettled.isEmpty && PQenterPipelineMode(handle) != 1 {
            throw StoreError.engine("libpq could not enter pipeline mode: \(Self.message(PQerrorMessage(handle)))")
        }
        guard sending() == 1 else {
            let reason = Self.message(PQerrorMessage(handle))
            try settle()
            throw StoreError.engine("\(reason) in: \(sql)")
        }
        unsettled.append(sql)
        if unsettled.count >= Self.pipelineDepth { try settle() }
    }

    /// Reads the outcome of every pipelined write and leaves pipeline mode; throws the first failure (the writes
    /// after it were not run: the transaction is aborted).
    func settle() throws {
        let answers = try self.answers()
        answers.forEach { PQclear($0) }
    }

    /// Reads the answer of every statement in the pipeline, in the order they were sent, and leaves pipeline mode; the
    /// caller clears them. Throws the first failure (the statements after it were not run: the transaction is aborted).
    private func answers() throws -> [OpaquePointer] {
        collectInFlight()
        guard !unsettled.isEmpty else { return [] }
        let pending = unsettled
        unsettled = []
        return try collect(pending, synced: false)
    }

    /// Reads the answers of the `pending` statements and the sync after them (sent here unless `synced`), and leaves
    /// pipeline mode.
    private func collect(_ pending: [String], synced: Bool) throws -> [OpaquePointer] {
        var failure: (any Error)?
        var answers: [OpaquePointer] = []
        answers.reserveCapacity(pending.count)
        if !synced && PQpipelineSync(handle) != 1 {
            failure = StoreError.engine("libpq could not end the pipeline: \(Self.message(PQerrorMessage(handle)))")
        }
        for sql in pending {
            // Each statement's results end with a null; one after a failure answers PGRES_PIPELINE_ABORTED.
            var answer: OpaquePointer?
            while let result = PQgetResult(handle) {
                if answer == nil && failure == nil && PQresultStatus(result) != PGRES_PIPELINE_ABORTED {
                    do { try check(result, sql: sql) } catch { failure = error }
                }
                if answer == nil { answer = result } else { PQclear(result) }
            }
            if let answer { answers.append(answer) }
        }
        // The sync's own result, then pipeline mode can end.
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if PQexitPipelineMode(handle) != 1 && failure == nil {
            failure = StoreError.engine("libpq could not leave pipeline mode: \(Self.message(PQerrorMessage(handle)))")
        }
        if failure != nil || answers.count != pending.count {
            answers.forEach { PQclear($0) }
            throw failure ?? StoreError.engine("the server answered \(answers.count) of \(pending.count) pipelined statements")
        }
        return answers
    }

    /// Sends a run of the query for each parameter set before reading any answer (in batches of the pipeline's
    /// depth), then hands each answer to `body` through the statement, in order.
    func forEachRun(of sql: String, with parameterSets: [[SQLValue]], _ body: (Int, any SQLStatement) throws -> Void) throws {
        guard let statement = try self.statement(sql) as? PostgresStatement else { return }
        defer { statement.reset() }
        var start = 0
        while start < parameterSets.count {
            // One short of the depth: `send` settles (and would discard the answers) once the depth is in flight.
            let end = min(start + Self.pipelineDepth - 1, parameterSets.count)
            try settle()
            for index in start..<end { try statement.send(parameterSets[index]) }
            let answers = try self.answers()
            var taken = 0
            defer { answers[taken...].forEach { PQclear($0) } }
            for (offset, answer) in answers.enumerated() {
                taken += 1
                statement.adopt(answer)
                try body(start + offset, statement)
            }
            start = end
        }
    }

    /// Sends every query after what is pipelined (the read's BEGIN), reads all answers in one go and hands each query's
    /// to `body` through its statement. Queries with the same text share a statement: they run in turn instead, as do
    /// more than a pipeline holds.
    func forEachQuery(_ queries: [(sql: String, parameters: [SQLValue])], _ body: (Int, any SQLStatement) throws -> Void) throws {
        let statements = try queries.map { try statement($0.sql) }.compactMap { $0 as? PostgresStatement }
        guard statements.count == queries.count, Set(queries.map(\.sql)).count == queries.count,
            queries.count < Self.pipelineDepth - 1
        else {
            return try forEachQueryInTurn(queries, body)
        }
        defer { statements.forEach { $0.reset() } }
        if unsettled.count + statements.count >= Self.pipelineDepth { try settle() }  // all answers in one pipeline
        for (statement, query) in zip(statements, queries) { try statement.send(query.parameters) }
        var answers = try self.answers()
        let ours = Array(answers.suffix(statements.count))
        answers.removeLast(ours.count)
        answers.forEach { PQclear($0) }  // what was pipelined before
        var taken = 0
        defer { ours[taken...].forEach { PQclear($0) } }
        for (index, answer) in ours.enumerated() {
            taken += 1
            statements[index].adopt(answer)
            try body(index, statements[index])
        }
    }

    func statement(_ sql: String) throws -> any SQLStatement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        try settle()
        let name = "s\(cache.count + 1)"
        let result = PQprepare(handle, name, Self.numberedPlaceholders(sql), 0, nil)
        defer { PQclear(result) }
        try check(result, sql: sql)
        let statement = PostgresStatement(name: name, sql: sql, connection: self)
        cache[sql] = statement
        return statement
    }

    /// Throws the server's message (with its SQLSTATE) unless `result` says the command worked.
    func check(_ result: OpaquePointer?, sql: String) throws {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK, status != PGRES_EMPTY_QUERY else { return }
        var message = Self.message(result.map(PQresultErrorMessage) ?? PQerrorMessage(handle))
        if message.isEmpty { message = Self.message(PQerrorMessage(handle)) }
        if let result, let state = PQresultErrorField(result, lt_pq_diag_sqlstate()) {
            message += " (SQLSTATE \(String(cString: state)))"
        }
        throw StoreError.engine("\(message) in: \(sql)")
    }

    static func message(_ text: UnsafePointer<CChar>?) -> String {
        text.map { String(cString: $0) }?.trimmingWhitespace ?? ""
    }

    /// The conninfo without its password, for messages.
    static func redacted(_ conninfo: String) -> String {
        var text = conninfo
        // postgresql://user:secret@host/… → postgresql://user:***@host/…
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
            let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        {
            text.replaceSubrange(text.index(after: colon)..<at, with: "***")
        }
        // key=value form: password=…
        return text.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("password=") ? "password=***" : String($0) }.joined(separator: " ")
    }

    /// The store's SQL uses `?` (the next parameter) and `?N` (parameter N); PostgreSQL wants `$N`. Quoted strings and
    /// identifiers are left alone.
    static func numberedPlaceholders(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var next = 0
        var quote: Character?
        var characters = sql.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if let open = quote {
                output.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                output.append(character)
            case "?":
                var digits = ""
                while let digit = pending, digit.isASCII, digit.isNumber {
                    digits.append(digit)
                    pending = characters.next()
                }
                if digits.isEmpty {
                    next += 1
                    digits = String(next)
                }
                output += "$" + digits
            default:
                output.append(character)
            }
        }
        return output
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var text = Substring(self)
        while text.last?.isWhitespace == true { text = text.dropLast() }
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        return String(text)
    }
}
