import Storage

/// Full scans (the batch resolver's person index, mentions for the data-quality report, the access log for `audit
/// verify`) read their table in pages of rows by ascending key. The PostgreSQL driver holds a statement's whole result
/// in memory, so one statement over a table of millions of rows held all of it at once; a page at a time keeps that to
/// `SQLTransactionScan.pageRows` rows on either engine. Every page is read in the same transaction: a read's snapshot,
/// or the single writer's own transaction, into which no other writer commits.
public enum SQLTransactionScan {
    /// Rows per page of a full scan.
    public static let pageRows = 10_000
}

extension SQLTransaction {
    /// Runs `sql` — which takes the last key seen and a row limit as its two parameters and orders by that key — page
    /// after page; `row` handles the current row and returns its key.
    func scanPages(_ sql: String, row: (any SQLStatement) throws -> Int64) throws {
        var after = Int64.min
        while true {
            let statement = try connection.statement(sql).bind(.int(after), .int(Int64(SQLTransactionScan.pageRows)))
            var rows = 0
            while try statement.step() {
                after = try row(statement)
                rows += 1
            }
            if rows < SQLTransactionScan.pageRows { return }
        }
    }
}
