using System.Diagnostics;
using System.Globalization;

namespace Digest.Benchmarks.Relevance;

/// <summary>The figures of one ranker over one set of judged queries.</summary>
public sealed record RelevanceRun(string Label, int Queries, double Ndcg10, double Mrr10, double Recall100, int NoResult, double[] WallMs, double[] CpuMs)
{
    /// <summary>Runs <paramref name="rank"/> (query text → paper ids best first, up to 100) over every judged query.</summary>
    public static RelevanceRun Measure(string label, SciFact data, Judgments judgments, Func<string, IReadOnlyList<string>> rank)
    {
        double ndcg = 0, mrr = 0, recall = 0;
        var noResult = 0;
        var wall = new List<double>();
        var cpu = new List<double>();
        foreach (var (queryId, relevant) in judgments.Relevant)
        {
            var text = data.Queries[queryId];
            var cpuStart = ThreadCpuClock.NowMilliseconds();
            var start = Stopwatch.GetTimestamp();
            var ranked = rank(text);
            wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpu.Add(ThreadCpuClock.NowMilliseconds() - cpuStart);
            if (ranked.Count == 0) noResult++;
            ndcg += RankingMetrics.NdcgAt10(ranked, relevant);
            mrr += RankingMetrics.MrrAt10(ranked, relevant);
            recall += RankingMetrics.RecallAt100(ranked, relevant);
        }
        var n = judgments.Relevant.Count;
        return new RelevanceRun(label, n, ndcg / n, mrr / n, recall / n, noResult, [.. wall.Order()], [.. cpu.Order()]);
    }

    public static string Header =>
        $"  {"run",-44} {"queries",7} {"nDCG@10",8} {"MRR@10",8} {"R@100",8} {"none",5} {"p50 ms",8} {"p99 ms",8} {"CPU p50",8} {"CPU p99",8}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"  {Label,-44} {Queries,7} {Ndcg10,8:F4} {Mrr10,8:F4} {Recall100,8:F4} {NoResult,5} {P(WallMs, 0.5),8:F2} {P(WallMs, 0.99),8:F2} {P(CpuMs, 0.5),8:F2} {P(CpuMs, 0.99),8:F2}");

    private static double P(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
