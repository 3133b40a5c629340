using Digest.Core.Search.Ranking;

namespace Digest.Core.Semantic;

/// <summary>Search's view of the embeddings: a query embedded by <see cref="QueryEmbedder"/>, its nearest papers from <see cref="SemanticIndex"/>.</summary>
public sealed class SemanticNeighbourSearch(QueryEmbedder embedder, SemanticIndex index) : ISemanticNeighbours
{
    public bool IsAvailable => embedder.IsEnabled && index.Count > 0;

    public IReadOnlyList<SemanticNeighbour> Nearest(string query, int count) =>
        embedder.Embed(query) is { } vector ? index.Nearest(vector, count) : [];

    public IReadOnlyList<SemanticNeighbour> NearPaper(string paperId, int count) =>
        index.TryGet(paperId, out var vector) ? index.Nearest(vector, count) : [];
}
