using Digest.Core.Papers;

namespace Digest.Core.Indexing;

/// <summary>This process holds the index's write lock: it indexes what it stores, and may rebuild and search.</summary>
public sealed class OwnedIndex(PaperIndex index, IndexSynchronizer synchronizer) : IIndexOwnership
{
    public PaperIndex Index => index;

    public IndexSynchronizer Synchronizer => synchronizer;

    public bool OwnsIndex => true;

    public bool WasRecreated => index.WasRecreated;

    public async Task BringInStepAsync(CancellationToken cancellationToken)
    {
        await synchronizer.CatchUpAsync(cancellationToken);
        await synchronizer.VerifyAsync(cancellationToken);
    }

    public Task IndexCommittedBatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<PaperTokens>? tokens, IReadOnlySet<string> newPapers, IReadOnlyList<string> deletedIds, long changeSeq, long previousSeq, bool makeSearchable, CancellationToken cancellationToken) =>
        synchronizer.IndexCommittedBatchAsync(papers, tokens, newPapers, deletedIds, changeSeq, previousSeq, makeSearchable, cancellationToken);

    public Task CatchUpAsync(CancellationToken cancellationToken) => synchronizer.CatchUpAsync(cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => synchronizer.CommitAsync(cancellationToken);

    public (int Documents, long ChangeSeq) ReadCommitted() => (index.DocumentCount, index.ChangeSeq);
}
