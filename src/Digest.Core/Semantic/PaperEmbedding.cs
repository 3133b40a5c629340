namespace Digest.Core.Semantic;

/// <summary>
/// One paper's stored embedding: what embedded it, a fingerprint of the text embedded, the paper's change it was
/// checked at, and the vector. An empty vector marks a paper the model failed on (tried again when the paper changes).
/// </summary>
public sealed record PaperEmbedding(string PaperId, string Model, string Fingerprint, long PaperSeq, QuantizedVector Vector);
