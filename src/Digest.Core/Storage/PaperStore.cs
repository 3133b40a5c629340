using System.Runtime.CompilerServices;
using Dapper;
using Digest.Core.Papers;

namespace Digest.Core.Storage;

/// <summary>The store of record: papers in SQLite. The index is derived from it and can always be rebuilt.</summary>
public sealed class PaperStore(SqliteDatabase database)
{
    /// <summary>Papers per store transaction (an ingest batch, a topic re-assignment) and per index refresh, and per chunk when they are read back to be indexed: the one batch size.</summary>
    public const int BatchSize = 2_000;

    /// <summary>Starts a write transaction; see <see cref="PaperStoreBatch"/>.</summary>
    public Task<PaperStoreBatch> BeginBatchAsync(CancellationToken cancellationToken = default) =>
        PaperStoreBatch.BeginAsync(database, cancellationToken);

    /// <summary>
    /// The stored id of <c>@id</c>, which may be a former id (an alias): what reader and curator writes resolve first, in
    /// their own transaction, so an old link's id acts on the paper it became.
    /// </summary>
    internal const string ResolveIdSql = "SELECT id FROM papers WHERE id = @id OR id = (SELECT paper_id FROM paper_aliases WHERE alias = @id) LIMIT 1";

    private const string GetSql = $"""
        SELECT {PaperRow.Columns} FROM papers
        WHERE id = @id OR id = (SELECT paper_id FROM paper_aliases WHERE alias = @id)
        LIMIT 1
        """;

    /// <summary>The paper with this id or former id, or null.</summary>
    public async Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PaperRow>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
        return row?.ToPaper();
    }

    private const string ChangedSinceSql = $"SELECT {PaperRow.Columns}, change_seq AS ChangeSeq FROM papers WHERE change_seq > @seq ORDER BY change_seq";

    /// <summary>Papers written after change <paramref name="seq"/>, oldest change first, streamed (0 streams them all).</summary>
    public async IAsyncEnumerable<Indexing.PaperChange> ReadChangedSinceAsync(long seq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<PaperRow>(ChangedSinceSql, new { seq }).WithCancellation(cancellationToken))
        {
            yield return new Indexing.PaperChange(row.ToPaper(), row.ChangeSeq);
        }
    }

    private const string CountByChangeSeqSql = "SELECT change_seq AS Seq, COUNT(*) AS Count FROM papers GROUP BY change_seq";

    private const string CountWithdrawnByChangeSeqSql = "SELECT change_seq AS Seq, COUNT(*) AS Count FROM papers WHERE withdrawn_on IS NOT NULL GROUP BY change_seq";

    /// <summary>
    /// How many searchable stored papers each change last wrote (a scan of the change-number index, no rows read), as the
    /// index should hold them: withdrawn papers are stored but not indexed, so they are not counted (a partial index).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, int>> CountByChangeSeqAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Seq, int Count)>(new CommandDefinition(CountByChangeSeqSql, cancellationToken: cancellationToken));
        var counts = rows.ToDictionary(r => r.Seq, r => r.Count);
        foreach (var (seq, withdrawn) in await connection.QueryAsync<(long Seq, int Count)>(new CommandDefinition(CountWithdrawnByChangeSeqSql, cancellationToken: cancellationToken)))
        {
            if ((counts[seq] -= withdrawn) == 0) counts.Remove(seq);
        }
        return counts;
    }

    private const string IdsWithChangeSeqsSql = "SELECT id FROM papers WHERE change_seq IN (SELECT value FROM json_each(@seqs))";

    /// <summary>Ids of the papers last written by one of <paramref name="changeSeqs"/>.</summary>
    public async Task<IReadOnlyList<string>> IdsWithChangeSeqsAsync(IReadOnlyCollection<long> changeSeqs, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Numbers only, so the JSON array is written directly.
        var seqs = "[" + string.Join(",", changeSeqs.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
        return (await connection.QueryAsync<string>(new CommandDefinition(IdsWithChangeSeqsSql, new { seqs }, cancellationToken: cancellationToken))).AsList();
    }

    private const string ChangesByIdSql = $"SELECT {PaperRow.Columns}, change_seq AS ChangeSeq FROM papers WHERE id IN (SELECT value FROM json_each(@ids))";

    /// <summary>The stored papers among <paramref name="ids"/>, with the change that last wrote each (ids not stored are left out).</summary>
    public async Task<IReadOnlyList<Indexing.PaperChange>> GetChangesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PaperRow>(new CommandDefinition(ChangesByIdSql, new { ids = StoreJson.Write([.. ids]) }, cancellationToken: cancellationToken));
        return rows.Select(r => new Indexing.PaperChange(r.ToPaper(), r.ChangeSeq)).ToList();
    }

    private const string FeaturedSql = $"SELECT {PaperRow.Columns} FROM papers WHERE featured_at IS NOT NULL ORDER BY featured_at DESC, id LIMIT @limit";

    /// <summary>The papers curators featured, the most recently featured first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Paper>> FeaturedAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PaperRow>(new CommandDefinition(FeaturedSql, new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPaper()).ToList();
    }

    private const string AllSql = $"SELECT {PaperRow.Columns} FROM papers ORDER BY published IS NULL, published, id";

    /// <summary>Every paper, oldest publication first, streamed (export, re-assignment).</summary>
    public async IAsyncEnumerable<Paper> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<PaperRow>(AllSql).WithCancellation(cancellationToken))
        {
            yield return row.ToPaper();
        }
    }

    private const string DeletionsSinceSql = "SELECT paper_id FROM index_deletions WHERE change_seq > @seq";

    /// <summary>Ids whose documents the index must drop, written after change <paramref name="seq"/>.</summary>
    public async Task<IReadOnlyList<string>> ReadDeletionsSinceAsync(long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(DeletionsSinceSql, new { seq }, cancellationToken: cancellationToken))).AsList();
    }

    private const string LatestSeqSql = """
        SELECT MAX(
            COALESCE((SELECT MAX(change_seq) FROM papers), 0),
            COALESCE((SELECT MAX(change_seq) FROM index_deletions), 0))
        """;

    /// <summary>The newest change sequence number in the store (0 when empty). Cheap: both columns are indexed.</summary>
    public async Task<long> LatestChangeSeqAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(LatestSeqSql, cancellationToken: cancellationToken));
    }

    private const string CountSql = "SELECT COUNT(*) FROM papers";

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, cancellationToken: cancellationToken));
    }

    private const string GetSettingSql = "SELECT value FROM settings WHERE key = @key";

    /// <summary>A value the app keeps about itself (for example the taxonomy fingerprint the topics were assigned with).</summary>
    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(GetSettingSql, new { key }, cancellationToken: cancellationToken));
    }

    private const string SetSettingSql = "INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SetSettingSql, new { key, value }, cancellationToken: cancellationToken));
    }

    private const string DeleteSettingSql = "DELETE FROM settings WHERE key = @key";

    public async Task DeleteSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSettingSql, new { key }, cancellationToken: cancellationToken));
    }

    private const string RecordRunSql = """
        INSERT INTO ingest_runs (origin, started_at, finished_at, files, seen, added, updated, unchanged, rejected)
        VALUES (@origin, @startedAt, @finishedAt, @files, @seen, @added, @updated, @unchanged, @rejected)
        """;

    /// <summary>Logs an ingest run (for <c>stats</c> and the status page).</summary>
    public async Task RecordRunAsync(string origin, Ingestion.IngestReport report, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RecordRunSql, new
        {
            origin,
            startedAt = PaperRow.FormatTimestamp(report.StartedAt),
            finishedAt = PaperRow.FormatTimestamp(report.FinishedAt),
            files = report.Files.Count,
            seen = report.Seen,
            added = report.Added,
            updated = report.Updated,
            unchanged = report.Unchanged,
            rejected = report.Rejected,
        }, cancellationToken: cancellationToken));
    }

    private const string StatsSql = """
        SELECT COUNT(*) AS Papers,
               COALESCE(SUM(arxiv_id IS NOT NULL), 0) AS WithArxivId,
               COALESCE(SUM(code_urls <> '[]'), 0) AS WithCode,
               COALESCE(SUM(topics <> '[]'), 0) AS WithTopics,
               MIN(published) AS OldestPublished,
               MAX(published) AS NewestPublished,
               COALESCE(MAX(change_seq), 0) AS ChangeSeq
        FROM papers;
        SELECT origin AS Origin, finished_at AS FinishedAt, seen AS Seen, added AS Added, updated AS Updated, rejected AS Rejected
        FROM ingest_runs ORDER BY id DESC LIMIT 5;
        """;

    /// <summary>Figures about the store for <c>stats</c> and the status page.</summary>
    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var results = await connection.QueryMultipleAsync(new CommandDefinition(StatsSql, cancellationToken: cancellationToken));
        var stats = await results.ReadSingleAsync<StoreStats>();
        stats.RecentRuns = (await results.ReadAsync<IngestRunSummary>()).AsList();
        return stats;
    }
}
