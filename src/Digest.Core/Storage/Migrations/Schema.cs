namespace Digest.Core.Storage.Migrations;

/// <summary>The store's migrations in order. List fields are JSON arrays: the store is read whole per paper, never queried by them.</summary>
public static class Schema
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "papers, aliases, index deletions, settings", """
            CREATE TABLE papers (
                id           TEXT PRIMARY KEY,
                arxiv_id     TEXT,
                title        TEXT NOT NULL,
                title_key    TEXT NOT NULL,
                abstract     TEXT NOT NULL,
                authors      TEXT NOT NULL,
                published    TEXT,
                revised      TEXT,
                digest_days  TEXT NOT NULL,
                categories   TEXT NOT NULL,
                keywords     TEXT NOT NULL,
                code_urls    TEXT NOT NULL,
                project_url  TEXT,
                doi          TEXT,
                upvotes      INTEGER,
                topics       TEXT NOT NULL,
                sources      TEXT NOT NULL,
                first_seen   TEXT NOT NULL,
                updated_at   TEXT NOT NULL,
                change_seq   INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX papers_title_key ON papers (title_key);
            CREATE INDEX papers_change_seq ON papers (change_seq);

            -- Old ids of papers that were re-keyed (a title-derived id that later got its arXiv id), so bookmarks keep working.
            CREATE TABLE paper_aliases (
                alias    TEXT PRIMARY KEY,
                paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE
            ) STRICT;

            -- Documents the index must remove, ordered with paper changes by change_seq.
            CREATE TABLE index_deletions (
                paper_id   TEXT NOT NULL,
                change_seq INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX index_deletions_change_seq ON index_deletions (change_seq);

            CREATE TABLE settings (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT;

            CREATE TABLE ingest_runs (
                id          INTEGER PRIMARY KEY,
                origin      TEXT NOT NULL,
                started_at  TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                files       INTEGER NOT NULL,
                seen        INTEGER NOT NULL,
                added       INTEGER NOT NULL,
                updated     INTEGER NOT NULL,
                unchanged   INTEGER NOT NULL,
                rejected    INTEGER NOT NULL
            ) STRICT;
            """),
        new(2, "remote source status", """
            -- One row per configured remote source: when it last worked, and why it last failed.
            CREATE TABLE source_status (
                name                 TEXT PRIMARY KEY,
                last_attempt_at      TEXT NOT NULL,
                last_success_at      TEXT,
                last_error           TEXT,
                last_error_at        TEXT,
                consecutive_failures INTEGER NOT NULL DEFAULT 0,
                last_added           INTEGER NOT NULL DEFAULT 0,
                last_updated         INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            """),
    ];
}
