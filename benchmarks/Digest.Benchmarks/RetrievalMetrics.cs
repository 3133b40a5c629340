namespace Digest.Benchmarks;

/// <summary>BEIR's measures with binary relevance: nDCG@10 and recall@100, averaged over the judged queries.</summary>
public static class RetrievalMetrics
{
    public static double NdcgAt10(IReadOnlyList<string> ranked, HashSet<string> relevant)
    {
        var dcg = 0.0;
        for (var rank = 0; rank < Math.Min(10, ranked.Count); rank++)
        {
            if (relevant.Contains(ranked[rank])) dcg += 1 / Math.Log2(rank + 2);
        }
        var ideal = 0.0;
        for (var rank = 0; rank < Math.Min(10, relevant.Count); rank++) ideal += 1 / Math.Log2(rank + 2);
        return dcg / ideal;
    }

    public static double RecallAt100(IReadOnlyList<string> ranked, HashSet<string> relevant) =>
        ranked.Take(100).Count(relevant.Contains) / (double)relevant.Count;
}
