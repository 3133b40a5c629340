namespace Digest.Core.Search.Ranking;

/// <summary>A paper near a query in meaning: its id and the cosine similarity of their embeddings.</summary>
public readonly record struct SemanticNeighbour(string PaperId, float Similarity);
