using Dapper;
using Digest.Core.Indexing;
using Digest.Core.Storage;

namespace Digest.Core.Readers;

/// <summary>
/// Readers' upvotes. A vote and the paper's recount commit in one store transaction with a new change number, and the
/// index catches up before the call returns, so the voter's next page (and trending) already counts it.
/// </summary>
public sealed class PaperVotes(SqliteDatabase database, PaperStore store, IIndexOwnership index, TimeProvider timeProvider)
{
    // The primary key (reader, paper) makes a repeated vote a no-op: a reader counts once however often they post.
    private const string VoteSql = "INSERT INTO paper_votes (reader_id, paper_id, voted_at) VALUES (@readerId, @paperId, @now) ON CONFLICT DO NOTHING";

    private const string UnvoteSql = "DELETE FROM paper_votes WHERE reader_id = @readerId AND paper_id = @paperId";

    // Only an enabled reader's vote changes anything; a disabled one's is refused before this runs, and would not count.
    private const string VotesSql = "SELECT COALESCE(upvotes, 0) + reader_votes FROM papers WHERE id = @paperId";

    /// <summary>Adds (<paramref name="up"/>) or takes back the reader's vote; null when no paper has that id.</summary>
    public async Task<VoteOutcome?> SetAsync(long readerId, string paperId, bool up, CancellationToken cancellationToken = default)
    {
        bool changed;
        string id;
        int votes;
        await using (var batch = await store.BeginBatchAsync(cancellationToken))
        {
            var resolved = await batch.Connection.ExecuteScalarAsync<string?>(PaperStore.ResolveIdSql, new { id = paperId }, batch.Transaction);
            if (resolved is null) return null;
            id = resolved;
            var parameters = new { readerId, paperId = id, now = StoreTime.Format(timeProvider.GetUtcNow()) };
            changed = await batch.Connection.ExecuteAsync(up ? VoteSql : UnvoteSql, parameters, batch.Transaction) > 0;
            if (changed) await batch.Connection.ExecuteAsync(ReaderVoteCount.RecountSql, new { ids = StoreJson.Write([id]), seq = batch.ChangeSeq }, batch.Transaction);
            // Read in the same transaction: the count the answer gives is the one this vote committed.
            votes = await batch.Connection.ExecuteScalarAsync<int>(VotesSql, new { paperId = id }, batch.Transaction);
            if (changed) await batch.CommitAsync(cancellationToken);
        }
        if (changed) await index.CatchUpAsync(cancellationToken);
        return new VoteOutcome(id, votes, up);
    }

    private const string VotedSql = "SELECT paper_id FROM paper_votes WHERE reader_id = @readerId AND paper_id IN (SELECT value FROM json_each(@ids))";

    /// <summary>Which of <paramref name="paperIds"/> the reader has voted for (one query for a whole result page).</summary>
    public async Task<IReadOnlySet<string>> VotedAsync(long readerId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        if (paperIds.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(VotedSql, new { readerId, ids = StoreJson.Write([.. paperIds]) }, cancellationToken: cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }
}
