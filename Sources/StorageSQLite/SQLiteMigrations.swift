/// Append-only schema migrations. A shipped migration is never edited: add a new one.
enum SQLiteMigrations {
    struct Migration {
        let version: Int
        let name: String
        let sql: String
    }

    static let all: [Migration] = [
        Migration(
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
                """)
    ]

    static var latestVersion: Int { all.last?.version ?? 0 }
}
