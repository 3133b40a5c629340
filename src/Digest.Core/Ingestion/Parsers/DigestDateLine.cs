using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>The date lines of a digest page: <c>Mar 11</c>, <c>March 11, 2024</c>, <c>Mon, Mar 11</c>.</summary>
internal static partial class DigestDateLine
{
    // [0-9], not \d: \d also matches other scripts' digits ("Mar ١١"), which int.Parse refuses.
    [GeneratedRegex(@"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<day>[0-9]{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>[0-9]{4}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>True when <paramref name="line"/> has the shape of a date line (the day may still be invalid).</summary>
    public static bool Matches(string line) => line.Length <= 40 && Pattern().IsMatch(line);

    /// <summary>The month, day and year (when written) of a date line, or null when it is not one.</summary>
    public static (int Month, int Day, int? Year)? Parse(string line)
    {
        if (line.Length > 40) return null;
        var match = Pattern().Match(line);
        if (!match.Success) return null;
        var month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames,
            name => name.Length > 0 && match.Groups["month"].Value.StartsWith(name, StringComparison.OrdinalIgnoreCase)) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        return (month, day, year);
    }

    /// <summary>The most recent year in which <paramref name="month"/>/<paramref name="day"/> exists and is not after <paramref name="today"/>.</summary>
    public static int? InferYear(int month, int day, DateOnly today)
    {
        // Eight years back always reaches a leap year, for Feb 29.
        for (var year = today.Year; year > today.Year - 8; year--)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) <= today) return year;
        }
        return null;
    }
}
