import Domain
import Foundation
import Storage
import StorageSQL
@testable import StoragePostgres
import Testing

/// What only the PostgreSQL engine has: its SQL dialect, the databases it accepts, and several instances writing
/// to one database at once. Runs when a test server is given (`Engine.available`).
@Suite(.enabled(if: Engine.available.contains(.postgres), "needs a PostgreSQL server (scripts/with-postgres.sh)"))
struct PostgresStoreTests {
    /// Whether `condition` holds within 5 s, asked every 0.1 s (for what the server does on its own time).
    static func eventually(_ condition: () throws -> Bool) throws -> Bool {
        for _ in 0..<50 {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    /// The server processes holding a job claim's lock, by process id, as `observer` sees them.
    static func jobLockHolders(observer: PostgresConnection) throws -> () throws -> [Int64] {
        let holders = try observer.statement(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = \(PostgresStore.jobLockClass) AND granted ORDER BY pid")
        return {
            defer { holders.reset() }
            return try withExtendedLifetime(observer) { try holders.rows { $0.int(0) } }  // the statement's connection
        }
    }

    @Test func placeholdersBecomeNumberedParametersOutsideQuotes() {
        #expect(PostgresConnection.numberedPlaceholders("SELECT a FROM t WHERE b = ? AND c = ?") == "SELECT a FROM t WHERE b = $1 AND c = $2")
        #expect(PostgresConnection.numberedPlaceholders("WHERE (?1 IS NULL OR s = ?1) LIMIT ?2") == "WHERE ($1 IS NULL OR s = $1) LIMIT $2")
        #expect(PostgresConnection.numberedPlaceholders("SELECT '?', \"a?\" WHERE x = ?::text[]") == "SELECT '?', \"a?\" WHERE x = $1::text[]")
    }

    @Test func passwordsNeverReachMessages() {
        #expect(PostgresConnection.redacted("postgresql://gw:s3cret@db.example/lt") == "postgresql://gw:***@db.example/lt")
        #expect(PostgresConnection.redacted("host=db user=gw password=s3cret dbname=lt") == "host=db user=gw password=*** dbname=lt")
        #expect(PostgresConnection.redacted("postgresql://gw@db.example/lt") == "postgresql://gw@db.example/lt")
    }

    @Test func reopeningKeepsDataAndMigratesOnce() throws {
        let url = try Engine.newDatabase()
        do {
            let store = try PostgresStore(conninfo: url)
            #expect(store.schemaVersion == 10)
            _ = try store.write { try $0.stage(Fixture.person("K1"), contentHash: "h1", at: "t") }
        }
        let reopened = try PostgresStore(conninfo: url)
        #expect(try reopened.read { try $0.mention(key: Fixture.person("K1").key) }?.contentHash == "h1")
        let raw = try PostgresConnection(conninfo: url)
        let migrations = try raw.statement("SELECT count(*) FROM schema_migrations")
        #expect(try migrations.step() && migrations.int(0) == 2)  // 8 (the schema SQLite reached in 1–8) and 10
    }

    /// A database of the first PostgreSQL schema (8) gains migration 10 and keeps its persons: their new columns are
    /// empty, and the five rules it built keys for are recorded as built.
    @Test func aVersionEightDatabaseIsUpgradedAndKeepsItsPersons() throws {
        let url = try Engine.newDatabase()
        try Fixture.expectMigration10KeepsPersons(
            open: { try PostgresStore(conninfo: url) }, undo: { try PostgresConnection(conninfo: url).execute(Fixture.undoMigration10) })
    }

    /// A read's COMMIT is sent without waiting for it, yet the server ends the transaction at once (no session is
    /// left idle in a transaction, holding its snapshot), and the connection's next user reads that outcome first:
    /// on one connection, a write after a read and a read after that write see what they should.
    @Test func aReadEndsItsTransactionWithoutWaitingAndItsConnectionGoesOn() throws {
        let url = try Engine.newDatabase()
        let store = try PostgresStore(conninfo: url, connections: 1)
        #expect(try store.read { try $0.entity(id: "P-1") } == nil)
        let observer = try PostgresConnection(conninfo: url)
        let idleInTransaction = try observer.statement(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'")
        #expect(try Self.eventually { try idleInTransaction.rows { $0.int(0) } == [0] })
        try store.write { try $0.createEntity(id: "P-1", kind: .person, at: "t") }
        #expect(try store.read { try $0.entity(id: "P-1") }?.status == .active)
        _ = try store.read { try $0.entity(id: "P-1") }
        try store.write { try $0.retireEntity(id: "P-1", redirectTo: nil, at: "t") }
        #expect(try store.read { try $0.entity(id: "P-1") }?.status == .retired)
    }

    /// Claims keep their sessions between claims (a daemon tries the webhook claim every second): the next claim
    /// holds its lock from the same server process, and a released claim leaves no lock behind.
    @Test func claimsReuseTheirSessionsAndLeaveNoLockBehind() throws {
        let url = try Engine.newDatabase()
        let store = try PostgresStore(conninfo: url)
        let lockHolders = try Self.jobLockHolders(observer: PostgresConnection(conninfo: url))
        let first = try #require(try store.claimJob("webhook deliveries"))
        let firstHolder = try lockHolders()
        #expect(firstHolder.count == 1)
        first.release()
        #expect(try lockHolders().isEmpty)
        let second = try #require(try store.claimJob("population"))
        #expect(try lockHolders() == firstHolder)
        #expect(try store.claimJob("population") == nil)  // taken: tried on another session, given back at once
        second.release()
        #expect(try lockHolders().isEmpty)
    }

    /// A claim session the server has dropped (a restart) is noticed and replaced: the next claim still succeeds.
    @Test func aClaimSurvivesItsIdleSessionBeingDropped() throws {
        let url = try Engine.newDatabase()
        let store = try PostgresStore(conninfo: url)
        let observer = try PostgresConnection(conninfo: url)
        let lockHolders = try Self.jobLockHolders(observer: observer)
        let first = try #require(try store.claimJob("population"))
        let pid = try #require(try lockHolders().first)
        first.release()
        try observer.execute("SELECT pg_terminate_backend(\(pid))")
        let alive = try observer.statement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")
        #expect(try Self.eventually { try alive.bind(.int(pid)).rows { $0.int(0) } == [0] })
        let again = try #require(try store.claimJob("population"), "claimed on a new session")
        #expect(try lockHolders().count == 1 && lockHolders() != [pid])
        again.release()
    }

    /// A query or COMMIT that joins the pipeline keeps its own answer whatever the number of writes before it,
    /// around the pipeline's depth too (where the writes are settled on their own first).
    @Test func aQueryAfterManyPipelinedWritesGetsItsAnswer() throws {
        let connection = try PostgresConnection(conninfo: try Engine.newDatabase())
        try connection.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)")
        let depth = PostgresConnection.pipelineDepth
        var expected = 0
        for writes in [1, depth - 3, depth - 2, depth - 1, depth, depth + 1, 2 * depth - 2] {
            try connection.send(command: "BEGIN")
            let insert = try connection.statement("INSERT INTO t (id) VALUES (?)")
            for _ in 0..<writes {
                expected += 1
                insert.reset()
                try insert.bind(.int(Int64(expected))).perform()
            }
            let count = try connection.statement("SELECT count(*) FROM t")
            #expect(try count.step() && count.int(0) == Int64(expected), "after \(writes) writes")
            count.reset()
            for _ in 0..<writes {  // and a COMMIT after as many
                expected += 1
                insert.reset()
                try insert.bind(.int(Int64(expected))).perform()
            }
            try connection.commit()
            insert.reset()
        }
        let committed = try connection.statement("SELECT count(*) FROM t")
        #expect(try committed.step() && committed.int(0) == Int64(expected))
    }

    /// Queries sent together after a pipelined BEGIN each get their own answer; two with the same text (one shared
    /// statement) run in turn and get theirs too.
    @Test func queriesSentTogetherEachGetTheirAnswer() throws {
        let connection = try PostgresConnection(conninfo: try Engine.newDatabase())
        try connection.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT)")
        try connection.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')")
        let together: [(sql: String, parameters: [SQLValue])] = [
            ("SELECT name FROM t WHERE id = ?", [.int(2)]), ("SELECT count(*) FROM t WHERE id >= ?", [.int(1)]),
        ]
        let sharingText: [(sql: String, parameters: [SQLValue])] = [
            ("SELECT name FROM t WHERE id = ?", [.int(2)]), ("SELECT name FROM t WHERE id = ?", [.int(1)]),
        ]
        // The first run prepares the statements (which settles the BEGIN); the second finds them prepared and sends
        // BEGIN and both queries in one pipeline.
        for queries in [together, together, sharingText] {
            try connection.send(command: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            var answers: [String] = []
            try connection.forEachQuery(queries) { _, statement in
                while try statement.step() { answers.append(statement.text(0)) }
            }
            try connection.endReadOnly()
            #expect(answers == (queries[1].sql.contains("count") ? ["two", "2"] : ["two", "one"]))
        }
        #expect(connection.isUsable)
    }

    /// COPY carries every value as given: texts with the characters its format escapes, NULLs, numbers, and more
    /// rows than one chunk; it keeps its place after writes pipelined before it; a conflict or a NUL character fails
    /// it whole, and the connection goes on.
    @Test func copiedRowsArriveExactlyAndAFailedCopyLeavesNothing() throws {
        let connection = try PostgresConnection(conninfo: try Engine.newDatabase())
        try connection.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT, score DOUBLE PRECISION)")
        let texts = ["a\tb", "line one\nline two\r", #"back\slash \N"#, "Nguyễn Văn Ánh", "", "\\."]
        var rows: [[SQLValue]] = texts.enumerated().map { [.int(Int64($0.offset + 1)), .text($0.element), .double(Double($0.offset) + 0.5)] }
        rows.append([.int(7), .null, .null])
        let filler = String(repeating: "đ", count: 40)
        rows += (100..<40_100).map { [.int(Int64($0)), .text(filler), .double(1)] }  // about 3 MB: several chunks
        try connection.send(command: "BEGIN")
        try connection.statement("INSERT INTO t (id, name) VALUES (?, ?)").bind(.int(0), .text("pipelined first")).perform()
        try connection.copyRows(into: "t", columns: ["id", "name", "score"], rows: rows)
        try connection.commit()
        let read = try connection.statement("SELECT id, name, score FROM t WHERE id < 100 ORDER BY id")
        var found: [[SQLValue]] = []
        while try read.step() {
            found.append([.int(read.int(0)), read.isNull(1) ? .null : .text(read.text(1)), read.isNull(2) ? .null : .double(read.double(2))])
        }
        read.reset()
        #expect(found == [[.int(0), .text("pipelined first"), .null]] + rows.prefix(7))
        let count = try connection.statement("SELECT count(*), min(length(name)), max(length(name)) FROM t WHERE id >= 100")
        #expect(try count.step() && count.int(0) == 40_000 && count.int(1) == 40 && count.int(2) == 40)
        count.reset()

        #expect(throws: StoreError.self) {
            try connection.copyRows(into: "t", columns: ["id", "name", "score"], rows: [[.int(8), .text("new"), .null], [.int(1), .text("again"), .null]])
        }
        #expect(throws: StoreError.self) {
            try connection.copyRows(into: "t", columns: ["id", "name", "score"], rows: [[.int(9), .text("new"), .null], [.int(10), .text("a\u{0}b"), .null]])
        }
        #expect(connection.isUsable)
        let after = try connection.statement("SELECT count(*) FROM t WHERE id IN (8, 9, 10)")
        #expect(try after.step() && after.int(0) == 0)
    }

    /// A lookup whose row estimate has no statistics behind it (a table grown inside one load transaction) must not
    /// start parallel workers: milliseconds per lookup, which made a large load stall.
    @Test func gatewaySessionsPlanNoParallelQuery() throws {
        let connection = try PostgresConnection(conninfo: try Engine.newDatabase())
        let setting = try connection.statement("SELECT current_setting('max_parallel_workers_per_gather')")
        #expect(try setting.step() && setting.text(0) == "0")
    }

    @Test func newerSchemasForeignSchemasAndOtherCollationsAreRefused() throws {
        let newer = try Engine.newDatabase()
        _ = try PostgresStore(conninfo: newer)
        try PostgresConnection(conninfo: newer).execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'x')")
        #expect(throws: StoreError.newerSchema(location: PostgresConnection.redacted(newer), found: 99, supported: 10)) { try PostgresStore(conninfo: newer) }

        let foreign = try Engine.newDatabase()
        try PostgresConnection(conninfo: foreign).execute("CREATE TABLE customers (id integer)")
        #expect(throws: StoreError.cannotOpen(location: PostgresConnection.redacted(foreign), reason: "a PostgreSQL schema with tables, but not a LienThong store")) {
            try PostgresStore(conninfo: foreign)
        }

        // A database sorting text by a language's rules would order names differently from SQLite.
        let server = try #require(Engine.serverURL)
        let name = "lt_collation_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresConnection(conninfo: server).execute(
            "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
        _ = try PostgresStore(conninfo: try PostgresDatabases.url(of: name, on: server))  // C.UTF-8 is code-point order
        let und = "lt_icu_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresConnection(conninfo: server).execute(
            "CREATE DATABASE \(und) TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN' LOCALE 'C.UTF-8'")
        do {
            _ = try PostgresStore(conninfo: try PostgresDatabases.url(of: und, on: server))
            Issue.record("a database collating by ICU rules was accepted")
        } catch StoreError.cannotOpen(_, let reason) {
            #expect(reason.contains("code-point order"))
        }
    }

    /// Eight writers on two store instances (two gateways on one database), each appending events in transactions
    /// that sleep a random while before committing, and a reader following the feed all along: the reader must see
    /// every sequence exactly once and in order — an event committed late never appears below the reader's cursor.
    @Test func concurrentWritersNeverMakeTheFeedReaderSkipAnEvent() throws {
        let url = try Engine.newDatabase()
        let instances = [try PostgresStore(conninfo: url), try PostgresStore(conninfo: url)]
        let writers = 8, batchesPerWriter = 6, eventsPerBatch = 3
        let total = writers * batchesPerWriter * eventsPerBatch
        let failures = Failures()
        let group = DispatchGroup()
        for writer in 0..<writers {
            DispatchQueue.global().async(group: group) {
                do {
                    for batch in 0..<batchesPerWriter {
                        try instances[writer % 2].write { transaction in
                            for event in 0..<eventsPerBatch {
                                try transaction.appendFeedEvent(
                                    type: .entityUpdated, subject: "P-\(writer)-\(batch)-\(event)", kind: .person, data: "{}", at: "t")
                                usleep(UInt32.random(in: 0...4_000))
                            }
                        }
                    }
                } catch { failures.add("writer \(writer): \(error)") }
            }
        }
        var seen: [Int64] = []
        let reader = instances[0]
        let deadline = Date().addingTimeInterval(60)
        while seen.count < total && Date() < deadline {
            let events = try reader.read { try $0.feed(after: seen.last ?? 0, limit: 50) }
            seen += events.map(\.sequence)
            if events.isEmpty { usleep(1_000) }
        }
        group.wait()
        #expect(failures.messages.isEmpty, "\(failures.messages)")
        #expect(seen == Array(1...Int64(total)), "the reader saw \(seen.count) of \(total) events, in this order: \(seen.prefix(40))…")
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ message: String) { lock.withLock { list.append(message) } }
    var messages: [String] { lock.withLock { list } }
}
