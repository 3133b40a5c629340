using Digest.Core.Indexing;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Ingestion;

/// <summary>
/// Takes a paper off a digest day (a curator's "remove from this day", a removed submission) and keeps it off: the
/// removal is recorded in <c>digest_day_removals</c>, which every later ingest's merge honours, and the paper is
/// written with a new change number and indexed at once when this process owns the index (else the owner catches up).
/// </summary>
public sealed class DigestDayRemoval(PaperStore store, IIndexOwnership index, TimeProvider timeProvider, ILogger<DigestDayRemoval> logger)
{
    /// <summary>Takes <paramref name="paperId"/> (or a former id of it) off <paramref name="day"/>; false when it was not on that day.</summary>
    public async Task<bool> RemoveAsync(string paperId, DateOnly day, CancellationToken cancellationToken = default) =>
        (await RemoveAsync(_ => Task.FromResult<IReadOnlyCollection<(string, DateOnly)>>([(paperId, day)]), cancellationToken)).Count > 0;

    /// <summary>
    /// Takes papers off the days <paramref name="collect"/> names. It runs in the same store transaction, so a feature's
    /// own rows (deleting the submissions that put the papers there) change together with the days, or neither does.
    /// Returns the papers whose days changed.
    /// </summary>
    public async Task<IReadOnlyList<Paper>> RemoveAsync(
        Func<PaperStoreBatch, Task<IReadOnlyCollection<(string PaperId, DateOnly Day)>>> collect,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Paper> changed;
        long changeSeq;
        await using (var batch = await store.BeginBatchAsync(cancellationToken))
        {
            var removals = await collect(batch);
            changed = await batch.RemoveDigestDaysAsync(removals, timeProvider.GetUtcNow());
            await batch.CommitAsync(cancellationToken);
            changeSeq = batch.ChangeSeq;
        }
        if (changed.Count == 0) return changed;
        try
        {
            await index.IndexCommittedBatchAsync(changed, null, new HashSet<string>(), [], changeSeq, changeSeq - 1, makeSearchable: true, CancellationToken.None);
            await index.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            logger.LogWarning("A removed digest day could not be indexed ({Reason}); the index catches up from the store later", StorageFailure.Describe(e));
        }
        return changed;
    }
}
