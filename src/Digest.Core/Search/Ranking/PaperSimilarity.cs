using Lucene.Net.Search.Similarities;

namespace Digest.Core.Search.Ranking;

/// <summary>
/// The similarity the index is written and searched with: BM25. Lucene 4.8's BM25 encodes field lengths in norms the
/// same way as its default TF-IDF similarity (one byte of 1/√length), so an index written under either is searched
/// correctly by both and switching needs no rebuild.
/// </summary>
public static class PaperSimilarity
{
    public static Similarity Create(RankingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new BM25Similarity(settings.K1, settings.B);
    }
}
