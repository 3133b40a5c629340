namespace Digest.Core.Papers;

/// <summary>
/// Reads the <c>yyyy-MM-dd</c> days the store and index write. Every search result has a few of them, and the
/// framework's format-driven parser cost as much as reading the result's stored fields.
/// </summary>
public static class IsoDay
{
    /// <summary>The day <paramref name="text"/> names exactly as <c>yyyy-MM-dd</c>, or null (other shapes, impossible days).</summary>
    public static DateOnly? Parse(ReadOnlySpan<char> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return null;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)) return null;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
