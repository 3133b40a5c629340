using System.Text;

namespace Digest.Core.Ingestion;

/// <summary>
/// Makes untrusted text safe to store: removes control and format characters that have no place in
/// bibliographic text, and collapses runs of whitespace. Markup is left as text; encoding happens on output.
/// </summary>
public static class TextCleaner
{
    /// <summary>Control characters removed, every whitespace run (newlines too) collapsed to one space, trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (IsUnwanted(rune)) continue;
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    /// <summary>Null for empty or whitespace-only text, else <see cref="Clean"/>.</summary>
    public static string? CleanOrNull(string? text)
    {
        var cleaned = Clean(text);
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static bool IsUnwanted(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is System.Globalization.UnicodeCategory.Control
            or System.Globalization.UnicodeCategory.Surrogate
            or System.Globalization.UnicodeCategory.PrivateUse
            or System.Globalization.UnicodeCategory.OtherNotAssigned
            // Bidi overrides and zero-width characters can disguise text; other format characters are kept (soft hyphen is not).
            || rune.Value is 0x202A or 0x202B or 0x202C or 0x202D or 0x202E or 0x2066 or 0x2067 or 0x2068 or 0x2069
                or 0x200B or 0x200E or 0x200F or 0x00AD or 0xFEFF or 0xFFFD;
    }
}
