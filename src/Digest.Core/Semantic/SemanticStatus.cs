using Digest.Core.Configuration;

namespace Digest.Core.Semantic;

/// <summary>Semantic search as <c>/api/status</c> and <c>/readyz</c> show it. Embedding in progress never makes the app unready: search works meanwhile, lexically for papers without a vector.</summary>
public sealed record SemanticStatus(bool Enabled, string? Model, string State, long Papers, long Embedded, double PapersPerSecond, double? EtaSeconds, string? LastFailure)
{
    public static SemanticStatus Of(SemanticOptions options, PaperEmbedder embedder)
    {
        if (!options.Enabled) return new SemanticStatus(false, null, "off", 0, 0, 0, null, null);
        if (!embedder.Loaded) return new SemanticStatus(true, embedder.ModelName, "loading", 0, 0, 0, null, embedder.LastFailure);
        var progress = embedder.Progress;
        var state = embedder.LastFailure is not null ? "failing" : progress.Complete ? "complete" : "embedding";
        return new SemanticStatus(true, progress.Model, state, progress.Papers, progress.Embedded, progress.PapersPerSecond, progress.Eta?.TotalSeconds, embedder.LastFailure);
    }
}
