namespace Digest.Core.Semantic;

/// <summary>A paper without a current embedding: new, changed since it was embedded, or embedded by another model.</summary>
public sealed class PendingPaper
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Abstract { get; init; } = "";
    public long ChangeSeq { get; init; }

    /// <summary>The stored embedding's model and fingerprint, when it has one.</summary>
    public string? Model { get; init; }
    public string? Fingerprint { get; init; }
}
