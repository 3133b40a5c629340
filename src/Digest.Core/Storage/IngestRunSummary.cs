namespace Digest.Core.Storage;

/// <summary>One logged ingest run.</summary>
public sealed class IngestRunSummary
{
    public string Origin { get; set; } = "";
    public string FinishedAt { get; set; } = "";
    public long Seen { get; set; }
    public long Added { get; set; }
    public long Updated { get; set; }
    public long Rejected { get; set; }
}
