using Digest.Core.Papers;

namespace Digest.Core.Indexing;

/// <summary>
/// Another process holds the index's write lock (normally the running app, beside which a CLI verb runs): this process
/// only writes the store, and the owner indexes the changes from it, so every index step here does nothing.
/// </summary>
public sealed class IndexOwnedElsewhere(string indexPath) : IIndexOwnership
{
    public bool OwnsIndex => false;

    public bool WasRecreated => false;

    public Task BringInStepAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task IndexCommittedBatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<PaperTokens>? tokens, IReadOnlySet<string> newPapers, IReadOnlyList<string> deletedIds, long changeSeq, long previousSeq, bool makeSearchable, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task CatchUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public (int Documents, long ChangeSeq) ReadCommitted() => PaperIndex.ReadCommitted(indexPath);
}
