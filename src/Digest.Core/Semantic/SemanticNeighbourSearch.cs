using Digest.Core.Search.Ranking;

namespace Digest.Core.Semantic;

/// <summary>
/// Search's view of the embeddings: a query embedded by <see cref="QueryEmbedder"/>, its nearest papers from
/// <see cref="SemanticIndex"/>. The embedder is created on first need: a process whose vector index is empty (a CLI
/// verb, an instance before its first embedding) never loads the model for search.
/// </summary>
public sealed class SemanticNeighbourSearch(Lazy<QueryEmbedder> embedder, SemanticIndex index) : ISemanticNeighbours
{
    public SemanticNeighbourSearch(QueryEmbedder embedder, SemanticIndex index)
        : this(new Lazy<QueryEmbedder>(embedder), index)
    {
    }

    public bool IsAvailable => index.Count > 0 && embedder.Value.IsEnabled;

    public IReadOnlyList<SemanticNeighbour> Nearest(string query, int count) =>
        index.Count > 0 && embedder.Value.Embed(query) is { } vector ? index.Nearest(vector, count) : [];

    public IReadOnlyList<SemanticNeighbour> NearPaper(string paperId, int count) =>
        index.TryGet(paperId, out var vector) ? index.Nearest(vector, count) : [];
}
