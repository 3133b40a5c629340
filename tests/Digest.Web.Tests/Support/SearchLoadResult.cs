namespace Digest.Web.Tests.Support;

/// <summary>What a burst of searches saw: how many, which failed (and the first few reasons), and their latency.</summary>
public sealed record SearchLoadResult(IReadOnlyList<TimeSpan> Latencies, int Errors, IReadOnlyList<string> FirstErrors, TimeSpan Elapsed)
{
    public int Requests => Latencies.Count + Errors;

    public TimeSpan Percentile(double fraction)
    {
        if (Latencies.Count == 0) return TimeSpan.Zero;
        var sorted = Latencies.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    public override string ToString() =>
        $"{Requests} searches in {Elapsed.TotalSeconds:F1} s, {Errors} errors, p50 {Percentile(0.50).TotalMilliseconds:F0} ms, p99 {Percentile(0.99).TotalMilliseconds:F0} ms" +
        (FirstErrors.Count > 0 ? "; first errors: " + string.Join(" | ", FirstErrors) : "");
}
