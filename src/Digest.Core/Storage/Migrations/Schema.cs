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
        new(3, "email digest subscriptions and their sends", """
            -- One address following one view (its canonical local URL). Tokens in links are signed with the nonce, so a
            -- deleted and re-created row (SQLite may reuse the id) never honours old links.
            CREATE TABLE subscriptions (
                id            INTEGER PRIMARY KEY,
                email         TEXT NOT NULL,
                view          TEXT NOT NULL,
                title         TEXT NOT NULL,
                frequency     TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
                status        TEXT NOT NULL CHECK (status IN ('pending', 'active', 'paused')),
                nonce         TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                confirmed_at  TEXT,
                last_sent_at  TEXT,
                failures      INTEGER NOT NULL DEFAULT 0,
                last_error    TEXT,
                last_error_at TEXT,
                retry_at      TEXT,
                -- A sender (the app or a CLI send-now) holds a subscription while it mails it, so two never send the same digest.
                lease_until   TEXT
            ) STRICT;
            CREATE UNIQUE INDEX subscriptions_email_view ON subscriptions (email, view);

            -- One row per subscription and period (daily: yyyy-mm-dd, weekly: yyyy-Www), written in the transaction that
            -- records the mailed papers; papers = 0 marks a period checked with nothing new (or the confirmation period).
            CREATE TABLE subscription_sends (
                id              INTEGER PRIMARY KEY,
                subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
                period          TEXT NOT NULL,
                sent_at         TEXT NOT NULL,
                papers          INTEGER NOT NULL,
                UNIQUE (subscription_id, period)
            ) STRICT;

            -- Papers already mailed to a subscription: never mailed to it again.
            CREATE TABLE subscription_papers (
                subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
                paper_id        TEXT NOT NULL,
                send_id         INTEGER NOT NULL REFERENCES subscription_sends (id) ON DELETE CASCADE,
                PRIMARY KEY (subscription_id, paper_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX subscription_papers_send ON subscription_papers (send_id);
            """),
        new(4, "paper embeddings for semantic search", """
            -- One vector per paper (int8 values and their scale), deleted with the paper (a merge deletes the old id's row).
            -- fingerprint: a hash of the text embedded and the model; paper_seq: the paper's change_seq it was checked at, so a
            -- paper changed in anything but its title and abstract is re-stamped, not re-embedded. An empty vector: the model failed.
            CREATE TABLE paper_embeddings (
                paper_id    TEXT PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
                model       TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                paper_seq   INTEGER NOT NULL,
                scale       REAL NOT NULL,
                vector      BLOB NOT NULL,
                embedded_at TEXT NOT NULL
            ) STRICT;
            -- Newest papers are embedded first: the embedder walks this index instead of sorting every paper per batch.
            CREATE INDEX papers_published ON papers (published, id);
            """),
        new(5, "readers: accounts, sign-in links, sessions, votes, saved papers, submissions, curation", """
            -- A reader of this instance, known by the email address the sign-in links go to (stored lower-cased).
            -- Signing out everywhere deletes the reader's sessions; disabling does too, and stops their votes counting.
            CREATE TABLE readers (
                id             INTEGER PRIMARY KEY,
                email          TEXT NOT NULL UNIQUE,
                is_admin       INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
                created_at     TEXT NOT NULL,
                last_signed_in TEXT,
                disabled_at    TEXT
            ) STRICT;

            -- One-time sign-in links. Only the SHA-256 of the token is kept, so a copy of the database signs nobody in.
            CREATE TABLE sign_in_links (
                token_hash BLOB PRIMARY KEY,
                reader_id  INTEGER NOT NULL REFERENCES readers (id) ON DELETE CASCADE,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                used_at    TEXT
            ) STRICT;
            CREATE INDEX sign_in_links_reader ON sign_in_links (reader_id);

            -- Signed-in browsers. The cookie carries a random id; only its SHA-256 is stored.
            CREATE TABLE reader_sessions (
                id_hash      BLOB PRIMARY KEY,
                reader_id    INTEGER NOT NULL REFERENCES readers (id) ON DELETE CASCADE,
                created_at   TEXT NOT NULL,
                expires_at   TEXT NOT NULL,
                last_seen_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX reader_sessions_reader ON reader_sessions (reader_id);

            -- One vote per reader and paper: the key makes a second vote a no-op, not a second count.
            CREATE TABLE paper_votes (
                reader_id INTEGER NOT NULL REFERENCES readers (id) ON DELETE CASCADE,
                paper_id  TEXT NOT NULL,
                voted_at  TEXT NOT NULL,
                PRIMARY KEY (reader_id, paper_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX paper_votes_paper ON paper_votes (paper_id);

            -- A reader's reading list.
            CREATE TABLE saved_papers (
                reader_id INTEGER NOT NULL REFERENCES readers (id) ON DELETE CASCADE,
                paper_id  TEXT NOT NULL,
                saved_at  TEXT NOT NULL,
                PRIMARY KEY (reader_id, paper_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX saved_papers_paper ON saved_papers (paper_id);

            -- A paper a reader put on a digest day; once per paper and day.
            CREATE TABLE submissions (
                id           INTEGER PRIMARY KEY,
                paper_id     TEXT NOT NULL,
                day          TEXT NOT NULL,
                reader_id    INTEGER NOT NULL REFERENCES readers (id) ON DELETE CASCADE,
                submitted_at TEXT NOT NULL,
                UNIQUE (paper_id, day)
            ) STRICT;
            CREATE INDEX submissions_reader ON submissions (reader_id);

            -- Digest days a curator took a paper off; a later ingest of the same page does not put it back.
            CREATE TABLE digest_day_removals (
                paper_id   TEXT NOT NULL,
                day        TEXT NOT NULL,
                removed_at TEXT NOT NULL,
                PRIMARY KEY (paper_id, day)
            ) STRICT, WITHOUT ROWID;

            -- Every curator action: who, what, on what, when. Never updated or deleted by the app.
            CREATE TABLE curator_actions (
                id        INTEGER PRIMARY KEY,
                reader_id INTEGER NOT NULL,
                action    TEXT NOT NULL,
                target    TEXT NOT NULL,
                detail    TEXT,
                at        TEXT NOT NULL
            ) STRICT;

            -- Papers known only by their title that were looked up on arXiv by exact title: when, and what came of it
            -- (found, not found, or unreachable and due again at retry_at), so that each is asked about once.
            CREATE TABLE arxiv_title_lookups (
                paper_id     TEXT PRIMARY KEY,
                looked_up_at TEXT NOT NULL,
                outcome      TEXT NOT NULL,
                retry_at     TEXT
            ) STRICT;

            -- Kept on the paper (not derived per search) so that the index carries them: upvotes from this instance's
            -- readers who are not disabled, and when a curator featured it (null: not featured).
            ALTER TABLE papers ADD COLUMN reader_votes INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE papers ADD COLUMN featured_at TEXT;
            -- The front page's featured papers, without a scan of every paper.
            CREATE INDEX papers_featured ON papers (featured_at) WHERE featured_at IS NOT NULL;
            """),
        new(6, "arXiv bibliographic fields: journal reference, comments, report number, licence", """
            -- As arXiv states them (the snapshot, OAI-PMH, the API); null when no source did. The licence is a URL.
            ALTER TABLE papers ADD COLUMN journal_ref TEXT;
            ALTER TABLE papers ADD COLUMN comments TEXT;
            ALTER TABLE papers ADD COLUMN report_no TEXT;
            ALTER TABLE papers ADD COLUMN license TEXT;
            """),
        new(7, "the TeX originals of decoded titles, abstracts and authors", """
            -- JSON {"title", "abstract", "authors"} with only the texts that TeX decoding changed; null for papers without TeX.
            ALTER TABLE papers ADD COLUMN tex_source TEXT;
            """),
        new(8, "OAI-PMH harvest progress, withdrawn papers", """
            -- One row per ArxivOai source: the harvest in progress (its from day and the token of its next page, stored
            -- after each page is), or, once complete (token null), the day the next harvest starts from.
            CREATE TABLE oai_harvests (
                source             TEXT PRIMARY KEY,
                harvest_from       TEXT,
                resumption_token   TEXT,
                last_response_date TEXT,
                next_from          TEXT,
                pages              INTEGER NOT NULL DEFAULT 0,
                updated_at         TEXT NOT NULL
            ) STRICT;

            -- The day arXiv withdrew the paper (a deleted OAI-PMH record): kept, with its page, but out of search.
            ALTER TABLE papers ADD COLUMN withdrawn_on TEXT;
            -- The index check counts papers per change without reading rows; the few withdrawn ones are subtracted from this.
            CREATE INDEX papers_withdrawn ON papers (change_seq) WHERE withdrawn_on IS NOT NULL;
            """),
    ];
}
