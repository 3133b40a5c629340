using Digest.Core.Indexing;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Topics;

/// <summary>
/// Re-assigns every stored paper's topics with the current taxonomy, from the store alone (no re-ingest), writing
/// only papers whose topics changed; the index follows through its catch-up. Remembers the taxonomy it assigned with,
/// so the app re-assigns at start-up exactly when the taxonomy changed, and reports slugs that disappeared.
/// </summary>
public sealed class TopicReassigner(PaperStore store, TopicAssigner assigner, IIndexOwnership index, ILogger<TopicReassigner> logger)
{
    public const string FingerprintKey = "taxonomy_fingerprint";
    public const string SlugsKey = "taxonomy_slugs";

    /// <summary>True when the stored papers' topics were assigned with another taxonomy than the current one.</summary>
    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default) =>
        await store.GetSettingAsync(FingerprintKey, cancellationToken) != assigner.Taxonomy.Fingerprint;

    public async Task<TopicReassignment> ReassignAllAsync(CancellationToken cancellationToken = default)
    {
        var previousSlugs = StoreSlugs(await store.GetSettingAsync(SlugsKey, cancellationToken));
        var currentSlugs = assigner.Taxonomy.Topics.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);

        var papers = 0;
        var changed = 0;
        var pending = new List<Paper>(PaperStore.BatchSize);
        // Reading streams a snapshot (WAL) while each batch of changes commits through its own connection.
        await foreach (var paper in store.ReadAllAsync(cancellationToken))
        {
            papers++;
            pending.Add(paper);
            if (pending.Count == PaperStore.BatchSize)
            {
                changed += await WriteChangesAsync(pending, cancellationToken);
                pending.Clear();
            }
        }
        changed += await WriteChangesAsync(pending, cancellationToken);

        await store.SetSettingAsync(FingerprintKey, assigner.Taxonomy.Fingerprint, cancellationToken);
        await store.SetSettingAsync(SlugsKey, string.Join(' ', currentSlugs), cancellationToken);
        await index.CatchUpAsync(cancellationToken);

        var removed = previousSlugs.Where(s => !currentSlugs.Contains(s)).Order(StringComparer.Ordinal).ToList();
        var result = new TopicReassignment(papers, changed, removed, currentSlugs.Where(s => previousSlugs.Count > 0 && !previousSlugs.Contains(s)).Order(StringComparer.Ordinal).ToList());
        logger.LogInformation("Topics re-assigned: {Papers} papers, {Changed} changed; slugs removed: {Removed}", papers, changed, removed.Count == 0 ? "none" : string.Join(", ", removed));
        return result;
    }

    private async Task<int> WriteChangesAsync(List<Paper> papers, CancellationToken cancellationToken)
    {
        if (papers.Count == 0) return 0;
        var assigned = new IReadOnlyList<string>[papers.Count];
        Parallel.For(0, papers.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => assigned[i] = assigner.Assign(papers[i]));
        var changes = papers.Select((p, i) => (p.Id, Topics: assigned[i])).Where((c, i) => !papers[i].Topics.SequenceEqual(c.Topics)).ToList();
        if (changes.Count == 0) return 0;

        await using var batch = await store.BeginBatchAsync(cancellationToken);
        await batch.UpdateTopicsAsync(changes);
        await batch.CommitAsync(cancellationToken);
        return changes.Count;
    }

    private static HashSet<string> StoreSlugs(string? text) =>
        (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
