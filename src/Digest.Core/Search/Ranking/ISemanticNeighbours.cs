namespace Digest.Core.Search.Ranking;

/// <summary>
/// Where search finds the papers nearest a query in meaning (the embedding index). Search works without one: with
/// semantic search off, or before any paper is embedded, every query is lexical.
/// </summary>
public interface ISemanticNeighbours
{
    /// <summary>True when papers are embedded and queries can be.</summary>
    bool IsAvailable { get; }

    /// <summary>The <paramref name="count"/> embedded papers nearest <paramref name="query"/>, nearest first.</summary>
    IReadOnlyList<SemanticNeighbour> Nearest(string query, int count);

    /// <summary>The <paramref name="count"/> embedded papers nearest the embedded paper <paramref name="paperId"/> (itself among them); empty when it is not embedded.</summary>
    IReadOnlyList<SemanticNeighbour> NearPaper(string paperId, int count);
}
