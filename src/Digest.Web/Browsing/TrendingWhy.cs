using System.Globalization;
using Digest.Core.Search;
using Digest.Core.Text;

namespace Digest.Web.Browsing;

/// <summary>"Why is this here" on a trending list: what the score was made of, in words.</summary>
public static class TrendingWhy
{
    /// <summary>For example "12 votes · 2 digest appearances · 26 h old · score 0.0451", the age measured to <paramref name="at"/>.</summary>
    public static string Describe(SearchResult result, DateTimeOffset at)
    {
        var parts = new List<string>
        {
            CountPhrase.Of(result.Votes, "vote"),
            CountPhrase.Of(result.Appearances, "digest appearance"),
        };
        if (result.Appeared is { } appeared) parts.Add(Age(at - appeared));
        parts.Add("score " + Score(result.Score));
        return string.Join(" · ", parts);
    }

    /// <summary>Hours under two days, days after: a digest day is the unit readers think in.</summary>
    private static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        return age < TimeSpan.FromHours(48)
            ? ((int)age.TotalHours).ToString(CultureInfo.InvariantCulture) + " h old"
            : CountPhrase.Of((int)age.TotalDays, "day") + " old";
    }

    /// <summary>Three significant digits, never in exponent notation ("0.0000404", not "4.04E-05": readers compare these).</summary>
    public static string Score(double score)
    {
        if (score <= 0 || !double.IsFinite(score)) return "0";
        var digits = Math.Clamp(2 - (int)Math.Floor(Math.Log10(score)), 0, 15);
        return Math.Round(score, digits).ToString("0." + new string('#', Math.Max(digits, 1)), CultureInfo.InvariantCulture);
    }
}
