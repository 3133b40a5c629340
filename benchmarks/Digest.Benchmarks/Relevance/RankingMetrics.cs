namespace Digest.Benchmarks.Relevance;

/// <summary>The BEIR metrics of one ranked list: nDCG@10, MRR@10 and recall@100 (as trec_eval computes them).</summary>
public static class RankingMetrics
{
    public static double NdcgAt10(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(10, ranked.Count); i++)
        {
            if (relevant.TryGetValue(ranked[i], out var grade)) dcg += (Math.Pow(2, grade) - 1) / Math.Log2(i + 2);
        }
        var ideal = relevant.Values.OrderDescending().Take(10).Select((grade, i) => (Math.Pow(2, grade) - 1) / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double MrrAt10(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant)
    {
        for (var i = 0; i < Math.Min(10, ranked.Count); i++)
        {
            if (relevant.ContainsKey(ranked[i])) return 1.0 / (i + 1);
        }
        return 0;
    }

    public static double RecallAt100(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant) =>
        relevant.Count == 0 ? 0 : (double)ranked.Take(100).Count(relevant.ContainsKey) / relevant.Count;
}
