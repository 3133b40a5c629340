namespace Digest.Core.Semantic;

/// <summary>How far the background embedder is: papers with a vector of the configured model out of all papers, its recent rate, and when it should be done.</summary>
public sealed record EmbeddingProgress(string Model, long Papers, long Embedded, double PapersPerSecond, TimeSpan? Eta)
{
    /// <summary>Papers still without a vector.</summary>
    public long Remaining => Math.Max(0, Papers - Embedded);

    /// <summary>Every paper has a vector.</summary>
    public bool Complete => Remaining == 0;

    /// <summary>Figures with the time left derived from the rate (unknown while nothing was embedded recently).</summary>
    public static EmbeddingProgress Of(string model, long papers, long embedded, double papersPerSecond)
    {
        var remaining = Math.Max(0, papers - embedded);
        TimeSpan? eta = remaining == 0 ? TimeSpan.Zero : papersPerSecond > 0 ? TimeSpan.FromSeconds(Math.Ceiling(remaining / papersPerSecond)) : null;
        return new EmbeddingProgress(model, papers, embedded, Math.Round(papersPerSecond, 2), eta);
    }

    /// <summary>One line for people: <c>1,234 of 5,000 papers embedded (25 %), 7.1 papers/s, about 00:08:50 left</c>.</summary>
    public string Describe()
    {
        var percent = Papers == 0 ? 100 : 100.0 * Math.Min(Embedded, Papers) / Papers;
        var rate = PapersPerSecond > 0 ? $", {PapersPerSecond:0.#} papers/s" : "";
        var left = Complete ? ", complete" : Eta is { } eta ? $", about {(int)eta.TotalHours}:{eta.Minutes:00}:{eta.Seconds:00} left" : ", waiting";
        return $"{Math.Min(Embedded, Papers):N0} of {Papers:N0} papers embedded ({percent:0} %) by {Model}{rate}{left}";
    }
}
