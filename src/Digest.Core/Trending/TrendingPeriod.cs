namespace Digest.Core.Trending;

/// <summary>The length of a trending view (<c>/trending?period=…</c>).</summary>
public enum TrendingPeriod
{
    /// <summary>One UTC day.</summary>
    Day,

    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,
}
