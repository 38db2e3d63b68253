import Domain
import Storage

/// Name search over entities: the one part of the store each engine indexes its own way. SQLite keeps the folded
/// names in an FTS5 table (`entity_search_names`, joined on rowid) and ranks by bm25; PostgreSQL keeps the distinct
/// name tokens in a `text[]` column under a GIN index and ranks shorter names first. Both match a query when every
/// token is one of the entity's name tokens, and put an exact folded full name first.
extension SQLTransaction {
    /// An entity's search entry: kind, exact name, birth year, names (SQLite keeps the names in the FTS5 table).
    var searchEntrySQL: String {
        connection.dialect == .sqlite
            ? "SELECT s.kind, s.exact_name, s.birth_year, n.names FROM entity_search s JOIN entity_search_names n ON n.rowid = s.rowid WHERE s.entity_id = ?"
            : "SELECT s.kind, s.exact_name, s.birth_year, s.names FROM entity_search s WHERE s.entity_id = ?"
    }

    static func searchEntry(_ statement: any SQLStatement) -> EntityIndexEntries.SearchEntry {
        .init(kind: statement.text(0), exactName: statement.text(1), birthYear: statement.optionalInt(2), names: statement.text(3))
    }

    func setSearchNames(
        ofEntity id: String, kind: EntityKind, names: [String], exactName: String, birthYear: Int?, current: EntityIndexEntries?
    ) throws {
        let joined = names.joined(separator: " | ")
        let existing: EntityIndexEntries.SearchEntry?
        if let current {
            existing = current.search
        } else {
            let statement = try connection.statement(searchEntrySQL).bind(.text(id))
            existing = try statement.step() ? Self.searchEntry(statement) : nil
            statement.reset()
        }
        let found = existing != nil
        // A refresh that changed nothing searchable writes nothing (batch resolution refreshes every entity).
        if !names.isEmpty,
            existing == .init(kind: kind.rawValue, exactName: exactName, birthYear: birthYear.map(Int64.init), names: joined)
        {
            return
        }
        switch connection.dialect {
        case .sqlite:
            if found {
                try connection.statement(
                    "DELETE FROM entity_search_names WHERE rowid = (SELECT rowid FROM entity_search WHERE entity_id = ?)"
                ).bind(.text(id)).run()
                try connection.statement("DELETE FROM entity_search WHERE entity_id = ?").bind(.text(id)).run()
            }
            guard !names.isEmpty else { return }
            let rowid = try connection.insert(
                "INSERT INTO entity_search (entity_id, kind, exact_name, birth_year) VALUES (?, ?, ?, ?)", returningKey: "rowid",
                [.text(id), .text(kind.rawValue), .text(exactName), .optional(birthYear)])
            try connection.statement("INSERT INTO entity_search_names (rowid, names) VALUES (?, ?)").bind(.int(rowid), .text(joined)).run()
        case .postgres:
            guard !names.isEmpty else {
                if found { try connection.statement("DELETE FROM entity_search WHERE entity_id = ?").bind(.text(id)).run() }
                return
            }
            try connection.statement(
                """
                INSERT INTO entity_search (entity_id, kind, exact_name, birth_year, names, name_tokens) VALUES (?, ?, ?, ?, ?, ?::text[])
                ON CONFLICT (entity_id) DO UPDATE SET kind = excluded.kind, exact_name = excluded.exact_name,
                    birth_year = excluded.birth_year, names = excluded.names, name_tokens = excluded.name_tokens
                """
            ).bind(
                .text(id), .text(kind.rawValue), .text(exactName), .optional(birthYear), .text(joined),
                .text(Self.arrayLiteral(Self.tokens(of: names)))
            ).run()
        }
    }

    func searchEntities(
        kind: EntityKind, tokens: [String], exactName: String, birthYear: Int?, commune: String?, within jurisdiction: Jurisdiction,
        limit: Int, offset: Int
    ) throws -> [String] {
        let words = tokens.filter { !$0.isEmpty }
        guard !words.isEmpty else { return [] }
        let scope = jurisdictionClause(jurisdiction, entityColumn: "s.entity_id")
        let (from, match, rank): (String, String, String)
        let query: SQLValue
        switch connection.dialect {
        case .sqlite:
            from = "entity_search_names n JOIN entity_search s ON s.rowid = n.rowid"
            match = "entity_search_names MATCH ?"
            rank = "n.rank"
            query = .text(words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " "))
        case .postgres:
            // A query word is one token only when it has no separator in it: split it the way names were.
            let wanted = Self.tokens(of: words)
            guard !wanted.isEmpty else { return [] }
            from = "entity_search s"
            match = "s.name_tokens @> ?::text[]"
            rank = "cardinality(s.name_tokens)"
            query = .text(Self.arrayLiteral(wanted))
        }
        let sql = """
            SELECT s.entity_id FROM \(from)
            WHERE \(match) AND s.kind = ? AND (CAST(? AS INTEGER) IS NULL OR s.birth_year = ?)
              AND (CAST(? AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM entity_places c WHERE c.entity_id = s.entity_id AND c.commune_code = ?))\(scope.sql)
            ORDER BY s.exact_name = ? DESC, \(rank), s.entity_id LIMIT ? OFFSET ?
            """
        let values: [SQLValue] =
            [query, .text(kind.rawValue), .optional(birthYear), .optional(birthYear), .optional(commune), .optional(commune)]
            + scope.values + [.text(exactName), .int(Int64(max(0, limit))), .int(Int64(max(0, offset)))]
        let statement = try connection.statement(sql).bind(values)
        return try statement.rows { statement in statement.text(0) }
    }

    /// The distinct tokens of folded names, split where FTS5's unicode61 tokenizer splits (on anything not a letter
    /// or digit), sorted.
    static func tokens(of names: [String]) -> [String] {
        var tokens: Set<String> = []
        for name in names {
            for token in name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) { tokens.insert(String(token)) }
        }
        return tokens.sorted()
    }

    /// A PostgreSQL array literal of text elements, each quoted.
    static func arrayLiteral(_ elements: [String]) -> String {
        "{" + elements.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
