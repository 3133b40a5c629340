namespace Digest.Core.Semantic;

/// <summary>A paper found by its embedding, and the cosine similarity of its vector to the query's (−1 to 1; higher is nearer).</summary>
public readonly record struct SemanticMatch(string PaperId, float Cosine);
