import StorageSQL

/// Append-only schema migrations. A shipped migration is never edited: add a new one.
enum SQLiteMigrations {
    static let all: [SQLMigration] = [
        SQLMigration(
            version: 1, name: "mentions, entities, golden records, links, quarantine, feed, job runs",
            sql: """
                CREATE TABLE mentions (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    record_key TEXT NOT NULL,
                    registry TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,
                    body TEXT NOT NULL,
                    location TEXT NOT NULL,
                    ingested_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    UNIQUE (source, kind, record_key)
                );
                CREATE TABLE mention_versions (
                    mention_id INTEGER NOT NULL REFERENCES mentions(id),
                    version INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,
                    body TEXT NOT NULL,
                    ingested_at TEXT NOT NULL,
                    PRIMARY KEY (mention_id, version)
                );
                CREATE TABLE entities (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'active',
                    redirect_to TEXT REFERENCES entities(id),
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE entity_members (
                    mention_id INTEGER PRIMARY KEY REFERENCES mentions(id),
                    entity_id TEXT NOT NULL REFERENCES entities(id),
                    rule TEXT NOT NULL,
                    assigned_at TEXT NOT NULL
                );
                CREATE INDEX entity_members_by_entity ON entity_members(entity_id);
                CREATE TABLE entity_keys (
                    kind TEXT NOT NULL,
                    key_type TEXT NOT NULL,
                    key_value TEXT NOT NULL,
                    entity_id TEXT NOT NULL REFERENCES entities(id),
                    PRIMARY KEY (kind, key_type, key_value)
                );
                CREATE INDEX entity_keys_by_entity ON entity_keys(entity_id);
                CREATE TABLE golden_records (
                    entity_id TEXT PRIMARY KEY REFERENCES entities(id),
                    kind TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE mention_links (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    from_mention INTEGER NOT NULL REFERENCES mentions(id),
                    to_mention INTEGER NOT NULL REFERENCES mentions(id),
                    attributes TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (type, from_mention, to_mention)
                );
                CREATE INDEX mention_links_from ON mention_links(from_mention);
                CREATE INDEX mention_links_to ON mention_links(to_mention);
                CREATE TABLE quarantine (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    location TEXT NOT NULL,
                    raw TEXT NOT NULL,
                    reasons TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'open',
                    quarantined_at TEXT NOT NULL,
                    UNIQUE (source, fingerprint)
                );
                CREATE TABLE feed_events (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    type TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    time TEXT NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE INDEX feed_events_by_subject ON feed_events(subject);
                CREATE TABLE checkpoints (
                    source TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (source, key)
                );
                CREATE TABLE job_runs (
                    id INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    status TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    counts TEXT,
                    error TEXT
                );
                """),
        SQLMigration(
            version: 2, name: "person index, blocking keys, match models, pair constraints, review queue, lineage",
            sql: """
                CREATE TABLE person_index (
                    mention_id INTEGER PRIMARY KEY REFERENCES mentions(id),
                    full_name TEXT NOT NULL,
                    folded_full_name TEXT NOT NULL,
                    folded_family TEXT NOT NULL,
                    folded_middle TEXT NOT NULL,
                    folded_given TEXT NOT NULL,
                    birth_date TEXT,
                    sex TEXT,
                    personal_number TEXT,
                    legacy_numbers TEXT NOT NULL,
                    commune_codes TEXT NOT NULL,
                    province_codes TEXT NOT NULL
                );
                CREATE INDEX person_index_by_folded_name ON person_index(folded_full_name);
                CREATE INDEX person_index_by_personal_number ON person_index(personal_number)
                    WHERE personal_number IS NOT NULL;
                CREATE TABLE blocking_keys (
                    rule TEXT NOT NULL,
                    key_hash INTEGER NOT NULL,
                    mention_id INTEGER NOT NULL REFERENCES mentions(id),
                    PRIMARY KEY (rule, key_hash, mention_id)
                ) WITHOUT ROWID;
                CREATE INDEX blocking_keys_by_mention ON blocking_keys(mention_id);
                CREATE TABLE match_models (
                    version TEXT PRIMARY KEY,
                    created_at TEXT NOT NULL,
                    parameters TEXT NOT NULL,
                    active INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE pair_constraints (
                    first_mention INTEGER NOT NULL REFERENCES mentions(id),
                    second_mention INTEGER NOT NULL REFERENCES mentions(id),
                    kind TEXT NOT NULL CHECK (kind IN ('must_link', 'never_link')),
                    actor TEXT NOT NULL,
                    reason TEXT,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (first_mention, second_mention),
                    CHECK (first_mention < second_mention)
                );
                CREATE INDEX pair_constraints_by_second ON pair_constraints(second_mention);
                CREATE TABLE review_items (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    first_mention INTEGER NOT NULL REFERENCES mentions(id),
                    second_mention INTEGER NOT NULL REFERENCES mentions(id),
                    probability REAL NOT NULL,
                    detail TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'open',
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE UNIQUE INDEX review_items_one_open_per_pair ON review_items(type, first_mention, second_mention)
                    WHERE status = 'open';
                CREATE INDEX review_items_by_first ON review_items(first_mention);
                CREATE INDEX review_items_by_second ON review_items(second_mention);
                CREATE TABLE entity_lineage (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
                    from_entity TEXT NOT NULL REFERENCES entities(id),
                    to_entity TEXT NOT NULL REFERENCES entities(id),
                    mentions TEXT NOT NULL,
                    time TEXT NOT NULL
                );
                CREATE INDEX entity_lineage_from ON entity_lineage(from_entity);
                CREATE INDEX entity_lineage_to ON entity_lineage(to_entity);
                """),
        SQLMigration(
            version: 3, name: "steward decisions and value choices",
            sql: """
                CREATE TABLE steward_decisions (
                    id INTEGER PRIMARY KEY,
                    actor TEXT NOT NULL,
                    time TEXT NOT NULL,
                    action TEXT NOT NULL,
                    review_item INTEGER REFERENCES review_items(id),
                    mentions TEXT NOT NULL,
                    reason TEXT,
                    entities_before TEXT NOT NULL,
                    entities_after TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE TABLE value_choices (
                    mention_id INTEGER NOT NULL REFERENCES mentions(id),
                    field TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    time TEXT NOT NULL,
                    PRIMARY KEY (mention_id, field)
                );
                """),
        SQLMigration(
            version: 4, name: "query API: entity places and name search, API keys, access log",
            sql: """
                CREATE TABLE entity_places (
                    entity_id TEXT NOT NULL REFERENCES entities(id),
                    commune_code TEXT NOT NULL,
                    province_code TEXT NOT NULL,
                    PRIMARY KEY (entity_id, commune_code)
                ) WITHOUT ROWID;
                CREATE INDEX entity_places_by_commune ON entity_places(commune_code, entity_id);
                CREATE INDEX entity_places_by_province ON entity_places(province_code, entity_id);
                CREATE TABLE entity_search (
                    rowid INTEGER PRIMARY KEY,
                    entity_id TEXT NOT NULL UNIQUE REFERENCES entities(id),
                    kind TEXT NOT NULL,
                    exact_name TEXT NOT NULL,
                    birth_year INTEGER
                );
                CREATE INDEX entity_search_by_exact_name ON entity_search(kind, exact_name);
                CREATE VIRTUAL TABLE entity_search_names USING fts5(names, tokenize = 'unicode61');
                CREATE TABLE api_keys (
                    id TEXT PRIMARY KEY,
                    secret_hash TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('reader', 'operator', 'steward')),
                    jurisdiction TEXT NOT NULL,
                    label TEXT,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT
                );
                CREATE TABLE access_log (
                    sequence INTEGER PRIMARY KEY,
                    time TEXT NOT NULL,
                    key_id TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    route TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX access_log_by_entity ON access_log(entity_id);
                """),
        SQLMigration(
            version: 5, name: "webhook subscriptions with their cursors; persons by legacy 9-digit number; scheduler state; quarantined records kept decoded",
            sql: """
                CREATE TABLE person_legacy_numbers (
                    mention_id INTEGER NOT NULL REFERENCES mentions(id),
                    number TEXT NOT NULL,
                    PRIMARY KEY (mention_id, number)
                ) WITHOUT ROWID;
                CREATE INDEX person_legacy_numbers_by_number ON person_legacy_numbers(number);
                INSERT OR IGNORE INTO person_legacy_numbers (mention_id, number)
                    SELECT p.mention_id, n.value FROM person_index p,
                        json_each('["' || replace(p.legacy_numbers, ',', '","') || '"]') n
                    WHERE p.legacy_numbers != '';
                CREATE TABLE job_states (
                    name TEXT PRIMARY KEY,
                    paused INTEGER NOT NULL DEFAULT 0,
                    last_slot TEXT,
                    failures INTEGER NOT NULL DEFAULT 0,
                    retry_at TEXT
                );
                CREATE INDEX job_runs_by_source ON job_runs(source, id);
                ALTER TABLE quarantine ADD COLUMN record TEXT;
                CREATE TABLE webhook_subscriptions (
                    id TEXT PRIMARY KEY,
                    key_id TEXT NOT NULL REFERENCES api_keys(id),
                    url TEXT NOT NULL,
                    secret TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'gone', 'disabled')),
                    cursor INTEGER NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at TEXT,
                    last_error TEXT,
                    last_delivered_at TEXT,
                    created_at TEXT NOT NULL
                );
                """),
        SQLMigration(
            version: 6, name: "mentions keep the fingerprint of the source record they were mapped from (unchanged records skip mapping)",
            sql: """
                ALTER TABLE mentions ADD COLUMN raw_digest TEXT;
                CREATE INDEX mentions_by_raw_digest ON mentions(raw_digest) WHERE raw_digest IS NOT NULL;
                """),
        SQLMigration(
            version: 7, name: "tombstones: mentions a full snapshot no longer contains are retired, not deleted",
            sql: """
                ALTER TABLE mentions ADD COLUMN retired_at TEXT;
                """),
        SQLMigration(
            version: 8, name: "API keys declared in the daemon's configuration",
            sql: """
                ALTER TABLE api_keys ADD COLUMN configured INTEGER NOT NULL DEFAULT 0;
                """),
        SQLMigration(
            version: 9, name: "the access log moves to a file of its own beside the store (attached as 'access')",
            sql: """
                \(accessLogSchema)
                INSERT OR IGNORE INTO access.access_log SELECT * FROM main.access_log;
                DROP TABLE main.access_log;
                """),
        .personDocumentsAndIndexedRules,
    ]

    /// The access log's table in the attached `access` database (`SQLiteStore`: the file `STORE-access`).
    static let accessLogSchema = """
        CREATE TABLE IF NOT EXISTS access.access_log (
            sequence INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            key_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            fields TEXT NOT NULL,
            purpose TEXT NOT NULL,
            route TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS access.access_log_by_entity ON access_log(entity_id);
        """

    static var latestVersion: Int { all.last?.version ?? 0 }
}
