using Digest.Core.Papers;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Indexing;

/// <summary>
/// Keeps the index in step with the store. The store numbers every write batch; the index remembers the number it
/// reflects. Catching up indexes everything newer: after a crash between the store commit and the index commit, after
/// another process (the CLI) wrote papers, or from zero when the index was recreated.
/// </summary>
public sealed class IndexSynchronizer(PaperStore store, PaperIndex index, ILogger<IndexSynchronizer> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Indexes a batch the caller has just committed to the store. When the index is exactly one batch behind,
    /// the papers in hand are used; otherwise (another writer got in between) it catches up from the store.
    /// </summary>
    /// <param name="papers">The papers the batch wrote.</param>
    /// <param name="tokens">Their texts analysed already (one per paper, in order), or null to analyse them here.</param>
    /// <param name="newPapers">Ids among them that were not stored before the batch (no document to replace).</param>
    /// <param name="deletedIds">Ids whose documents must go.</param>
    /// <param name="changeSeq">The batch's change number.</param>
    /// <param name="previousSeq">The change number before the batch.</param>
    /// <param name="makeSearchable">Refresh the searchers now; a bulk import refreshes every few batches and at its end instead (see <c>IngestPipeline</c>).</param>
    /// <param name="cancellationToken">Cancels waiting for the index.</param>
    public async Task IndexCommittedBatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<PaperTokens>? tokens, IReadOnlySet<string> newPapers, IReadOnlyList<string> deletedIds, long changeSeq, long previousSeq, bool makeSearchable = true, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (index.ChangeSeq == previousSeq)
            {
                index.Apply(papers, deletedIds, changeSeq, newPapers, tokens);
                if (makeSearchable) index.Refresh();
                return;
            }
        }
        finally
        {
            _gate.Release();
        }
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>Indexes every change newer than the index; returns how many papers were (re)indexed. Cheap when nothing changed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var from = index.ChangeSeq;
            var latest = await store.LatestChangeSeqAsync(cancellationToken);
            if (latest <= from)
            {
                // Nothing new in the store, but a failed refresh may have left applied changes unsearchable.
                if (index.SearchableChangeSeq < index.ChangeSeq) index.Refresh();
                return 0;
            }

            var count = 0;
            var maxSeen = from;
            var batch = new List<PaperChange>(PaperStore.BatchSize);
            await foreach (var change in store.ReadChangedSinceAsync(from, cancellationToken))
            {
                batch.Add(change);
                maxSeen = Math.Max(maxSeen, change.ChangeSeq);
                if (batch.Count == PaperStore.BatchSize)
                {
                    // The checkpoint moves only at the end: a partial catch-up must be repeated whole.
                    index.ApplyChanges(batch, [], from);
                    count += batch.Count;
                    batch.Clear();
                }
            }
            // Writes are serialized, so every deletion numbered up to the newest paper seen is visible now.
            var deletions = await store.ReadDeletionsSinceAsync(from, cancellationToken);
            index.ApplyChanges(batch, deletions, Math.Max(maxSeen, latest));
            count += batch.Count;
            index.Commit();
            index.Refresh();
            if (count > 0 || deletions.Count > 0)
            {
                logger.LogInformation("Index caught up with the store: {Count} papers indexed, {Deleted} removed, now at change {Seq}", count, deletions.Count, index.ChangeSeq);
            }
            return count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Compares the index with the store by the number of papers each change wrote, and re-indexes every change whose
    /// counts differ: a paper the index lost, a document the store no longer has, or one left from an older version.
    /// Cheap enough for every start (one grouped scan of the store's change-number index, one pass over the index's
    /// doc values). Call after <see cref="CatchUpAsync"/>. Returns the papers re-indexed plus the documents removed.
    /// A lost document and a stray one of the same change cancel out; the lost ones are what a failed write leaves, and
    /// stray ones (of papers the store never had) cannot come from the store at all.
    /// </summary>
    public async Task<int> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (index.SearchableChangeSeq < index.ChangeSeq) index.Refresh();
            var stored = await store.CountByChangeSeqAsync(cancellationToken);
            var indexed = index.CountByChangeSeq();
            var differing = stored.Keys.Union(indexed.Keys)
                .Where(seq => stored.GetValueOrDefault(seq) != indexed.GetValueOrDefault(seq))
                .ToHashSet();
            if (differing.Count == 0) return 0;

            var storedIds = await store.IdsWithChangeSeqsAsync(differing, cancellationToken);
            var ids = storedIds.Union(index.IdsWithChangeSeqs(differing), StringComparer.Ordinal).ToList();
            var reindexed = 0;
            var removed = 0;
            foreach (var chunk in ids.Chunk(PaperStore.BatchSize))
            {
                var papers = await store.GetChangesAsync(chunk, cancellationToken);
                var gone = chunk.Except(papers.Select(p => p.Paper.Id), StringComparer.Ordinal).ToList();
                index.ApplyChanges(papers, gone, index.ChangeSeq);
                reindexed += papers.Count;
                removed += gone.Count;
            }
            index.Commit();
            index.Refresh();
            logger.LogWarning(
                "The index disagreed with the store in {Changes} changes (store {Stored} papers, index {Indexed} documents there); re-indexed {Reindexed} papers and removed {Removed} documents",
                differing.Count, differing.Sum(s => stored.GetValueOrDefault(s)), differing.Sum(s => indexed.GetValueOrDefault(s)), reindexed, removed);
            return reindexed + removed;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the index's current state durable, and searchable (a bulk import leaves its last batches unrefreshed until now).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            index.Commit();
            if (index.SearchableChangeSeq < index.ChangeSeq) index.Refresh();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the index and rebuilds it from the store.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            index.Clear();
        }
        finally
        {
            _gate.Release();
        }
        return await CatchUpAsync(cancellationToken);
    }
}
