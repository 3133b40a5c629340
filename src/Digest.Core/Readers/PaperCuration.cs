using Dapper;
using Digest.Core.Indexing;
using Digest.Core.Storage;

namespace Digest.Core.Readers;

/// <summary>Curators featuring papers and moderating readers. Each action and its audit row commit together.</summary>
public sealed class PaperCuration(PaperStore store, IIndexOwnership index, TimeProvider timeProvider)
{
    private const string FeaturedAtSql = "SELECT COALESCE(featured_at, @now) FROM papers WHERE id = @id";

    private const string FeatureSql = "UPDATE papers SET featured_at = @at, change_seq = @seq WHERE id = @id AND featured_at IS NOT @at";

    /// <summary>Features the paper (or takes the mark off); the resolved id, or null when no paper has that id.</summary>
    public async Task<string?> SetFeaturedAsync(long curatorId, string paperId, bool featured, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        bool changed;
        string id;
        await using (var batch = await store.BeginBatchAsync(cancellationToken))
        {
            var resolved = await batch.Connection.ExecuteScalarAsync<string?>(PaperStore.ResolveIdSql, new { id = paperId }, batch.Transaction);
            if (resolved is null) return null;
            id = resolved;
            // Featuring again keeps the first date; IS NOT compares nulls too.
            var at = featured ? await batch.Connection.ExecuteScalarAsync<string?>(FeaturedAtSql, new { id, now = StoreTime.Format(now) }, batch.Transaction) : null;
            changed = await batch.Connection.ExecuteAsync(FeatureSql, new { id, at, seq = batch.ChangeSeq }, batch.Transaction) > 0;
            if (changed)
            {
                await CuratorLog.RecordAsync(batch.Connection, batch.Transaction, curatorId, featured ? CuratorActionKinds.Feature : CuratorActionKinds.Unfeature, id, null, now);
                await batch.CommitAsync(cancellationToken);
            }
        }
        if (changed) await index.CatchUpAsync(cancellationToken);
        return id;
    }

    private const string EmailSql = "SELECT email FROM readers WHERE id = @readerId";

    private const string VotedPapersSql = "SELECT paper_id FROM paper_votes WHERE reader_id = @readerId";

    private const string DisableSql = """
        UPDATE readers SET disabled_at = CASE WHEN @disable THEN COALESCE(disabled_at, @now) ELSE NULL END WHERE id = @readerId;
        DELETE FROM reader_sessions WHERE reader_id = @readerId AND @disable;
        DELETE FROM sign_in_links WHERE reader_id = @readerId AND @disable;
        """;

    /// <summary>
    /// Disables a reader (or enables them again): their sessions and unused links end, and their votes stop (or start
    /// again) counting, which re-indexes the papers they voted for. False when there is no such reader.
    /// </summary>
    public async Task<bool> SetDisabledAsync(long curatorId, long readerId, bool disabled, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        await using (var batch = await store.BeginBatchAsync(cancellationToken))
        {
            var email = await batch.Connection.ExecuteScalarAsync<string?>(EmailSql, new { readerId }, batch.Transaction);
            if (email is null) return false;
            await batch.Connection.ExecuteAsync(DisableSql, new { readerId, disable = disabled, now = StoreTime.Format(now) }, batch.Transaction);
            var voted = (await batch.Connection.QueryAsync<string>(VotedPapersSql, new { readerId }, batch.Transaction)).AsList();
            if (voted.Count > 0) await batch.Connection.ExecuteAsync(ReaderVoteCount.RecountSql, new { ids = StoreJson.Write(voted), seq = batch.ChangeSeq }, batch.Transaction);
            await CuratorLog.RecordAsync(batch.Connection, batch.Transaction, curatorId, disabled ? CuratorActionKinds.DisableReader : CuratorActionKinds.EnableReader, email, null, now);
            await batch.CommitAsync(cancellationToken);
        }
        await index.CatchUpAsync(cancellationToken);
        return true;
    }
}
