using System.Globalization;
using Digest.Core.Search;

namespace Digest.Web.Browsing;

/// <summary>"Why is this here" on a trending list: what the score was made of, in words.</summary>
public static class TrendingWhy
{
    /// <summary>For example "12 votes · 2 digest appearances · 26 h old · score 0.0451", the age measured to <paramref name="at"/>.</summary>
    public static string Describe(SearchResult result, DateTimeOffset at)
    {
        var parts = new List<string>
        {
            Count(result.Votes, "vote", "votes"),
            Count(result.Appearances, "digest appearance", "digest appearances"),
        };
        if (result.Appeared is { } appeared) parts.Add(Age(at - appeared));
        parts.Add("score " + result.Score.ToString("G3", CultureInfo.InvariantCulture));
        return string.Join(" · ", parts);
    }

    /// <summary>Hours under two days, days after: a digest day is the unit readers think in.</summary>
    private static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        return age < TimeSpan.FromHours(48)
            ? ((int)age.TotalHours).ToString(CultureInfo.InvariantCulture) + " h old"
            : Count((int)age.TotalDays, "day", "days") + " old";
    }

    private static string Count(int count, string one, string many) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
