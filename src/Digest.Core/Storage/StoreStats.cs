namespace Digest.Core.Storage;

/// <summary>Figures about the store.</summary>
public sealed class StoreStats
{
    public long Papers { get; set; }
    public long WithArxivId { get; set; }
    public long WithCode { get; set; }
    public long WithTopics { get; set; }
    public string? OldestPublished { get; set; }
    public string? NewestPublished { get; set; }
    public long ChangeSeq { get; set; }
    public IReadOnlyList<IngestRunSummary> RecentRuns { get; set; } = [];
}
