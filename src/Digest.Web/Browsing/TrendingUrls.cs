using System.Globalization;
using Digest.Core.Trending;

namespace Digest.Web.Browsing;

/// <summary>URLs of the trending views: <c>/trending?period=day|week|month&amp;date=yyyy-MM-dd</c>, the date being the window's first day.</summary>
public static class TrendingUrls
{
    public const string Path = "/trending";

    /// <summary>The period's name in URLs (<c>day</c>, <c>week</c>, <c>month</c>).</summary>
    public static string Name(TrendingPeriod period) => period.ToString().ToLowerInvariant();

    /// <summary>The period named <paramref name="value"/> (case and spaces ignored), or null for an unknown one.</summary>
    public static TrendingPeriod? ParsePeriod(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "day" => TrendingPeriod.Day,
        "week" => TrendingPeriod.Week,
        "month" => TrendingPeriod.Month,
        _ => null,
    };

    public static string For(TrendingWindow window) =>
        $"{Path}?period={Name(window.Period)}&date={window.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>A page of <paramref name="window"/> after the first.</summary>
    public static string For(TrendingWindow window, int page) =>
        page <= 1 ? For(window) : For(window) + "&page=" + page.ToString(CultureInfo.InvariantCulture);
}
