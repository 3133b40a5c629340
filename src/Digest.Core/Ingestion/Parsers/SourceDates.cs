using System.Globalization;

namespace Digest.Core.Ingestion.Parsers;

/// <summary>Date parsing shared by the parsers; every source states dates in UTC or without a zone.</summary>
internal static class SourceDates
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    /// <summary>A <c>YYYY-MM-DD</c> date or an ISO-8601 timestamp (its UTC day), or null when it is neither.</summary>
    public static DateOnly? ParseDay(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        return ParseTimestamp(text) is { } timestamp ? DateOnly.FromDateTime(timestamp.UtcDateTime) : null;
    }

    /// <summary>An ISO-8601 timestamp, or null. Text without a zone is taken as UTC.</summary>
    public static DateTimeOffset? ParseTimestamp(string text)
    {
        text = text.Trim();
        // Only ISO-like text: a culture-tolerant parse would accept "1/2/3" and guess.
        if (text.Length < 10 || !char.IsAsciiDigit(text[0]) || text[4] != '-') return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Utc, out var value) ? value.ToUniversalTime() : null;
    }

    /// <summary>An RFC 1123 date as OAI arXivRaw writes it (<c>Mon, 2 Apr 2007 19:18:42 GMT</c>), as its UTC day.</summary>
    public static DateOnly? ParseRfc1123Day(string text)
    {
        string[] formats = ["ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "d MMM yyyy HH:mm:ss 'GMT'", "r"];
        return DateTimeOffset.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, Utc, out var value)
            ? DateOnly.FromDateTime(value.UtcDateTime)
            : null;
    }
}
