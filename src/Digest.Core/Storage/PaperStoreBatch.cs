using Dapper;
using Digest.Core.Papers;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Storage;

/// <summary>
/// One write transaction over the store: read what exists, write what changed, commit once.
/// The transaction is IMMEDIATE, so a second writer (the CLI beside the web app) waits instead of
/// merging against stale rows. Every row written gets the batch's change sequence number, which
/// the index uses to catch up.
/// </summary>
public sealed class PaperStoreBatch : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private bool _committed;

    private PaperStoreBatch(SqliteConnection connection, SqliteTransaction transaction, long changeSeq)
    {
        _connection = connection;
        _transaction = transaction;
        ChangeSeq = changeSeq;
    }

    /// <summary>The sequence number every row written in this batch carries.</summary>
    public long ChangeSeq { get; }

    /// <summary>For Core's other writers of paper facts (readers' votes, curation), which join this transaction.</summary>
    internal SqliteConnection Connection => _connection;

    /// <inheritdoc cref="Connection"/>
    internal SqliteTransaction Transaction => _transaction;

    private const string NextSeqSql = """
        SELECT MAX(
            COALESCE((SELECT MAX(change_seq) FROM papers), 0),
            COALESCE((SELECT MAX(change_seq) FROM index_deletions), 0)) + 1
        """;

    internal static async Task<PaperStoreBatch> BeginAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var transaction = connection.BeginTransaction(deferred: false);
            var seq = await connection.ExecuteScalarAsync<long>(NextSeqSql, transaction: transaction);
            return new PaperStoreBatch(connection, transaction, seq);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private const string FindSql = $"""
        SELECT {PaperRow.Columns} FROM papers WHERE id IN (SELECT value FROM json_each(@ids))
        UNION
        SELECT {PaperRow.Columns} FROM papers WHERE title_key IN (SELECT value FROM json_each(@titleKeys))
        UNION
        SELECT {PaperRow.Columns} FROM papers WHERE id IN (SELECT paper_id FROM paper_aliases WHERE alias IN (SELECT value FROM json_each(@ids)))
        """;

    /// <summary>Stored papers whose id, old id (alias) or title key is among the given ones.</summary>
    public async Task<IReadOnlyList<Paper>> FindAsync(IReadOnlyCollection<string> ids, IReadOnlyCollection<string> titleKeys)
    {
        // One JSON parameter per list: thousands of separate parameters make SQLite's binding quadratic.
        var rows = await _connection.QueryAsync<PaperRow>(FindSql, new { ids = StoreJson.Write([.. ids]), titleKeys = StoreJson.Write([.. titleKeys]) }, _transaction);
        return rows.Select(r => r.ToPaper()).ToList();
    }

    private const string FindDigestDayRemovalsSql = "SELECT paper_id AS PaperId, day AS Day FROM digest_day_removals WHERE paper_id IN (SELECT value FROM json_each(@ids))";

    /// <summary>The digest days removed from the papers with these (current) ids, by id; papers without removals are left out.</summary>
    public async Task<IReadOnlyDictionary<string, HashSet<DateOnly>>> FindDigestDayRemovalsAsync(IReadOnlyCollection<string> ids)
    {
        var rows = await _connection.QueryAsync<(string PaperId, string Day)>(FindDigestDayRemovalsSql, new { ids = StoreJson.Write([.. ids]) }, _transaction);
        var removals = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var (paperId, day) in rows)
        {
            if (!removals.TryGetValue(paperId, out var days)) removals[paperId] = days = [];
            days.Add(PaperRow.ParseDate(day)!.Value);
        }
        return removals;
    }

    private const string RecordDigestDayRemovalSql = """
        INSERT INTO digest_day_removals (paper_id, day, removed_at) VALUES (@paperId, @day, @removedAt)
        ON CONFLICT (paper_id, day) DO NOTHING
        """;

    private const string SetDigestDaysSql = "UPDATE papers SET digest_days = @days, updated_at = @updatedAt, change_seq = @seq WHERE id = @id";

    /// <summary>
    /// Takes papers off digest days: records each removal (so that a later ingest does not put the day back) and writes
    /// the paper's days with this batch's change number, so the index follows. Ids may be former ids (aliases). Returns
    /// the papers whose days changed, as now stored; a paper not stored, or not on that day, is recorded all the same
    /// (an ingest may bring it later) and not returned.
    /// </summary>
    public async Task<IReadOnlyList<Paper>> RemoveDigestDaysAsync(IReadOnlyCollection<(string PaperId, DateOnly Day)> removals, DateTimeOffset now)
    {
        var changed = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var (paperId, day) in removals)
        {
            var found = (await FindAsync([paperId], [])).FirstOrDefault();
            var id = found?.Id ?? paperId;
            await _connection.ExecuteAsync(RecordDigestDayRemovalSql, new { paperId = id, day = PaperRow.FormatDate(day), removedAt = PaperRow.FormatTimestamp(now) }, _transaction);
            var paper = changed.GetValueOrDefault(id) ?? found;
            if (paper is null || !paper.DigestDays.Contains(day)) continue;
            paper = paper with { DigestDays = [.. paper.DigestDays.Where(d => d != day)], UpdatedAt = now };
            var days = StoreJson.Write(paper.DigestDays.Select(d => PaperRow.FormatDate(d)!).ToList());
            await _connection.ExecuteAsync(SetDigestDaysSql, new { id, days, updatedAt = PaperRow.FormatTimestamp(now), seq = ChangeSeq }, _transaction);
            changed[id] = paper;
        }
        return [.. changed.Values];
    }

    /// <summary>The batch's connection and transaction, for a feature's own rows written atomically with papers (submissions).</summary>
    internal (SqliteConnection Connection, SqliteTransaction Transaction) Session => (_connection, _transaction);

    private const string UpsertSql = """
        INSERT INTO papers (id, arxiv_id, title, title_key, abstract, authors, published, revised, digest_days,
                            categories, keywords, code_urls, project_url, doi, upvotes, topics, sources,
                            first_seen, updated_at, change_seq, journal_ref, comments, report_no, license, tex_source, withdrawn_on)
        VALUES (@Id, @ArxivId, @Title, @TitleKey, @Abstract, @Authors, @Published, @Revised, @DigestDays,
                @Categories, @Keywords, @CodeUrls, @ProjectUrl, @Doi, @Upvotes, @Topics, @Sources,
                @FirstSeen, @UpdatedAt, @ChangeSeq, @JournalRef, @Comments, @ReportNumber, @License, @TexSource, @WithdrawnOn)
        ON CONFLICT (id) DO UPDATE SET
            arxiv_id = excluded.arxiv_id, title = excluded.title, title_key = excluded.title_key,
            abstract = excluded.abstract, authors = excluded.authors, published = excluded.published,
            revised = excluded.revised, digest_days = excluded.digest_days, categories = excluded.categories,
            keywords = excluded.keywords, code_urls = excluded.code_urls, project_url = excluded.project_url,
            doi = excluded.doi, upvotes = excluded.upvotes, topics = excluded.topics, sources = excluded.sources,
            first_seen = excluded.first_seen, updated_at = excluded.updated_at, change_seq = excluded.change_seq,
            journal_ref = excluded.journal_ref, comments = excluded.comments, report_no = excluded.report_no, license = excluded.license,
            tex_source = excluded.tex_source, withdrawn_on = excluded.withdrawn_on
        """;

    /// <summary>
    /// Inserts or replaces papers (already merged by the caller). Reader votes and the featured mark are the store's own
    /// facts: an upsert leaves them as they are (see <see cref="RekeyAsync"/> for a re-keyed paper).
    /// </summary>
    public async Task UpsertAsync(IEnumerable<Paper> papers)
    {
        var rows = papers.Select(p => PaperRow.From(p, ChangeSeq)).ToList();
        if (rows.Count > 0) await _connection.ExecuteAsync(UpsertSql, rows, _transaction);
    }

    // Readers' votes, saved papers, submissions and removals follow the paper to its new id (a reader who had it under both
    // keeps one), and the new row takes over the old one's reader facts.
    private const string RekeySql = $"""
        UPDATE OR IGNORE paper_votes SET paper_id = @newId WHERE paper_id = @oldId;
        DELETE FROM paper_votes WHERE paper_id = @oldId;
        UPDATE OR IGNORE saved_papers SET paper_id = @newId WHERE paper_id = @oldId;
        DELETE FROM saved_papers WHERE paper_id = @oldId;
        UPDATE OR IGNORE submissions SET paper_id = @newId WHERE paper_id = @oldId;
        DELETE FROM submissions WHERE paper_id = @oldId;
        UPDATE OR IGNORE digest_day_removals SET paper_id = @newId WHERE paper_id = @oldId;
        DELETE FROM digest_day_removals WHERE paper_id = @oldId;
        {ReaderVoteCount.RecountSql};
        UPDATE papers SET featured_at = COALESCE(featured_at, (SELECT featured_at FROM papers WHERE id = @oldId)) WHERE id = @newId;
        DELETE FROM papers WHERE id = @oldId;
        INSERT INTO index_deletions (paper_id, change_seq) VALUES (@oldId, @seq);
        UPDATE paper_aliases SET paper_id = @newId WHERE paper_id = @oldId;
        INSERT INTO paper_aliases (alias, paper_id) VALUES (@oldId, @newId) ON CONFLICT (alias) DO UPDATE SET paper_id = excluded.paper_id;
        """;

    /// <summary>
    /// A paper first known by its title got its arXiv id: the old row goes (the merged paper is upserted under the new id),
    /// the old id becomes an alias of the new one, and the index is told to drop the old document.
    /// Call after <see cref="UpsertAsync"/> wrote the new id.
    /// </summary>
    public Task RekeyAsync(string oldId, string newId) =>
        _connection.ExecuteAsync(RekeySql, new { oldId, newId, ids = StoreJson.Write([newId]), seq = ChangeSeq }, _transaction);

    private const string UpdateTopicsSql = "UPDATE papers SET topics = @Topics, change_seq = @ChangeSeq WHERE id = @Id";

    /// <summary>Replaces the topics of papers (re-assignment after a taxonomy change); they are re-indexed like any change.</summary>
    public Task UpdateTopicsAsync(IEnumerable<(string Id, IReadOnlyList<string> Topics)> changes) =>
        _connection.ExecuteAsync(UpdateTopicsSql, changes.Select(c => new { c.Id, Topics = StoreJson.Write(c.Topics), ChangeSeq }), _transaction);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed) await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
