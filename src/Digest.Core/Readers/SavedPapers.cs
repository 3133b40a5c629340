using Dapper;
using Digest.Core.Configuration;
using Digest.Core.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Core.Readers;

/// <summary>Readers' reading lists. Not indexed: a list is searched by restricting a search to its ids.</summary>
public sealed class SavedPapers(SqliteDatabase database, IOptions<DigestOptions> options, TimeProvider timeProvider)
{
    private readonly int _maxSaved = options.Value.Community.MaxSavedPapers;

    private const string CountSql = "SELECT COUNT(*) FROM saved_papers WHERE reader_id = @readerId";

    private const string SaveSql = "INSERT INTO saved_papers (reader_id, paper_id, saved_at) VALUES (@readerId, @paperId, @now) ON CONFLICT DO NOTHING";

    private const string RemoveSql = "DELETE FROM saved_papers WHERE reader_id = @readerId AND paper_id = @paperId";

    /// <summary>Saves the paper to the reader's list, or (<paramref name="save"/> false) takes it off.</summary>
    public async Task<(SaveOutcome Outcome, string? PaperId)> SetAsync(long readerId, string paperId, bool save, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // IMMEDIATE: the count and the insert see the same list, so the cap holds against parallel requests.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var id = await connection.ExecuteScalarAsync<string?>(PaperStore.ResolveIdSql, new { id = paperId }, transaction);
        if (id is null) return (SaveOutcome.NoSuchPaper, null);
        if (!save)
        {
            await connection.ExecuteAsync(RemoveSql, new { readerId, paperId = id }, transaction);
            await transaction.CommitAsync(cancellationToken);
            return (SaveOutcome.Removed, id);
        }
        if (await connection.ExecuteScalarAsync<int>(CountSql, new { readerId }, transaction) >= _maxSaved) return (SaveOutcome.ListFull, id);
        await connection.ExecuteAsync(SaveSql, new { readerId, paperId = id, now = StoreTime.Format(timeProvider.GetUtcNow()) }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return (SaveOutcome.Saved, id);
    }

    private const string IdsSql = "SELECT paper_id FROM saved_papers WHERE reader_id = @readerId ORDER BY saved_at DESC, paper_id";

    /// <summary>The ids on the reader's list, most recently saved first.</summary>
    public async Task<IReadOnlyList<string>> IdsAsync(long readerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(IdsSql, new { readerId }, cancellationToken: cancellationToken))).AsList();
    }

    private const string SavedAmongSql = "SELECT paper_id FROM saved_papers WHERE reader_id = @readerId AND paper_id IN (SELECT value FROM json_each(@ids))";

    /// <summary>Which of <paramref name="paperIds"/> are on the reader's list (one query for a whole result page).</summary>
    public async Task<IReadOnlySet<string>> SavedAmongAsync(long readerId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        if (paperIds.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(SavedAmongSql, new { readerId, ids = StoreJson.Write([.. paperIds]) }, cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }
}
