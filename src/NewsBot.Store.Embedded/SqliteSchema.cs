

namespace NewsBot.Store.Embedded;

/// <summary>
/// The embedded store's tables. Articles and passages are plain rows; passage text is indexed by FTS5 (porter
/// stemming) for BM25; vectors are float32 blobs on the passage rows, beside the int8 vectors of each passage's
/// sentences (<see cref="NewsBot.Core.Embeddings.SentenceVectors"/>; null for passages stored before they were kept). <c>meta.generation</c> grows with every write,
/// so a reader in this or another process knows when its in-memory vectors are stale. Passage rowids only grow
/// (AUTOINCREMENT) and every deleted passage is logged in <c>passage_deletions</c>, so a reader catches up by reading
/// the passages and deletions newer than its own, not every vector again.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    /// <summary>The store's generation (<c>meta.generation</c>), which every write bumps.</summary>
    public static async Task<long> GenerationAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        long.Parse(await ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'generation'", cancellationToken, transaction) ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How passage text is split into the full-text index's tokens (also how <see cref="KeywordIndexCache"/> reads a question's words).</summary>
    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    public const string Create = $"""
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '1'), ('generation', '0');
        -- Which store this is, so an index file kept beside it is never read for another store's passages.
        INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));

        CREATE TABLE IF NOT EXISTS articles (
            id              TEXT PRIMARY KEY,
            title           TEXT NOT NULL,
            body            TEXT NOT NULL,
            url             TEXT,
            source          TEXT,
            author          TEXT,
            published_at    TEXT,
            published_ticks INTEGER,
            category        TEXT,
            tags            TEXT NOT NULL DEFAULT '',
            content_hash    TEXT NOT NULL,
            ingested_at     TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS articles_published ON articles (published_ticks);
        -- The outlet list is read for every question: from this index, not by scanning every article body.
        CREATE INDEX IF NOT EXISTS articles_source ON articles (source);

        CREATE TABLE IF NOT EXISTS passages (
            rowid      INTEGER PRIMARY KEY AUTOINCREMENT,
            id         TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx        INTEGER NOT NULL,
            text       TEXT NOT NULL,
            vector     BLOB NOT NULL,
            sentence_vectors BLOB
        );
        CREATE INDEX IF NOT EXISTS passages_article ON passages (article_id);

        CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5 (
            text, content = 'passages', content_rowid = 'rowid', tokenize = '{Tokenizer}'
        );
        CREATE TRIGGER IF NOT EXISTS passages_fts_insert AFTER INSERT ON passages BEGIN
            INSERT INTO passages_fts (rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS passages_fts_delete AFTER DELETE ON passages BEGIN
            INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;

        CREATE TABLE IF NOT EXISTS passage_deletions (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            passage_rowid INTEGER NOT NULL
        );
        CREATE TRIGGER IF NOT EXISTS passages_deleted AFTER DELETE ON passages BEGIN
            INSERT INTO passage_deletions (passage_rowid) VALUES (old.rowid);
        END;
        """;

    /// <summary>Columns added since version 1 was first written, added to older files when they are opened (each nullable).</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("passages", "sentence_vectors", "BLOB"),
    ];

    /// <summary>Deletions kept logged for readers catching up; a reader further behind than this reads every vector again.</summary>
    public const int KeptDeletions = 200_000;
}
