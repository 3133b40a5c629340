using Digest.Core.Papers;

namespace Digest.Core.Indexing;

/// <summary>
/// Whether this process owns the index (holds its write lock) or another process does. The web app always owns it;
/// a CLI verb owns it only when no app runs on the data directory. Either way papers go to the store first: the owner
/// indexes them at once, otherwise the owner catches up from the store within seconds.
/// Two implementations: <see cref="OwnedIndex"/> and <see cref="IndexOwnedElsewhere"/>.
/// </summary>
public interface IIndexOwnership
{
    /// <summary>Whether this process indexes what it stores (false: another process owns the index).</summary>
    bool OwnsIndex { get; }

    /// <summary>Whether the owned index was missing or unreadable when it opened, and is rebuilt from the store.</summary>
    bool WasRecreated { get; }

    /// <summary>Brings the index in step with the store at start-up: catch-up, then a check of what it holds.</summary>
    Task BringInStepAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Indexes a batch the store has just committed (see <see cref="IndexSynchronizer.IndexCommittedBatchAsync"/>);
    /// <c>tokens</c>, when given, are the papers' texts analysed already (one per paper); searchable at once when <c>makeSearchable</c>, else at the next refresh or <see cref="CommitAsync"/>.
    /// </summary>
    Task IndexCommittedBatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<PaperTokens>? tokens, IReadOnlySet<string> newPapers, IReadOnlyList<string> deletedIds, long changeSeq, long previousSeq, bool makeSearchable, CancellationToken cancellationToken);

    /// <summary>Indexes whatever the store changed since the index's checkpoint.</summary>
    Task CatchUpAsync(CancellationToken cancellationToken);

    /// <summary>Makes what was indexed durable, and searchable.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>The committed document count and change number of the index, read without taking its lock.</summary>
    (int Documents, long ChangeSeq) ReadCommitted();
}
