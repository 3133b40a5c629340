using System.Globalization;

namespace Digest.Web.Feeds;

/// <summary>Reads the <c>limit</c> parameter of a feed: a whole number, clamped to 1–<see cref="FeedUrls.MaxLimit"/>; anything else is a problem (400).</summary>
public static class FeedLimit
{
    /// <summary>The limit asked for, clamped; null with a problem for a value that is not a number.</summary>
    public static int? Read(IQueryCollection query, List<string> problems)
    {
        var value = query[FeedUrls.Limit].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (value is null) return FeedUrls.DefaultLimit;
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            // Too many digits for an int is simply "a lot": the most a feed holds.
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? Math.Clamp(limit, 1, FeedUrls.MaxLimit) : FeedUrls.MaxLimit;
        }
        if (value.StartsWith('-') && value.Length > 1 && value[1..].All(char.IsAsciiDigit)) return 1;
        problems.Add($"“{(value.Length <= 40 ? value : value[..40] + "…")}” is not a number of entries for “{FeedUrls.Limit}” (1 to {FeedUrls.MaxLimit}).");
        return null;
    }
}
