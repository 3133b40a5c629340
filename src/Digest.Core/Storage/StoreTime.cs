using System.Globalization;

namespace Digest.Core.Storage;

/// <summary>Timestamps as the store keeps them: UTC ISO-8601 text with milliseconds, which sorts as it compares.</summary>
public static class StoreTime
{
    public static string Format(DateTimeOffset value) => PaperRow.FormatTimestamp(value);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOrNull(string? text) => text is null ? null : Parse(text);
}
