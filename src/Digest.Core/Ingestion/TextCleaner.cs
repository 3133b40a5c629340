using System.Globalization;
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
        // Most text from sources is already clean: check first, allocate only when something must change.
        return IsClean(text) ? text : Rebuild(text);
    }

    /// <summary>Null for empty or whitespace-only text, else <see cref="Clean"/>.</summary>
    public static string? CleanOrNull(string? text)
    {
        var cleaned = Clean(text);
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static bool IsClean(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ') return false;
        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace) return false;
                previousSpace = true;
                continue;
            }
            previousSpace = false;
            // Anything outside plain printable ASCII gets the full check.
            if (c < 0x21 || c > 0x7E) return false;
        }
        return true;
    }

    private static string Rebuild(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                i++;
                if (IsUnwanted(rune.Value, Rune.GetUnicodeCategory(rune))) continue;
                AppendPendingSpace(builder, ref pendingSpace);
                builder.Append(c).Append(text[i]);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (IsUnwanted(c, char.GetUnicodeCategory(c))) continue;
            AppendPendingSpace(builder, ref pendingSpace);
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static void AppendPendingSpace(StringBuilder builder, ref bool pendingSpace)
    {
        if (!pendingSpace) return;
        builder.Append(' ');
        pendingSpace = false;
    }

    private static bool IsUnwanted(int value, UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        // Bidi overrides and zero-width characters can disguise text; the soft hyphen and BOM are noise; U+FFFD marks bytes that were not text.
        || value is 0x202A or 0x202B or 0x202C or 0x202D or 0x202E or 0x2066 or 0x2067 or 0x2068 or 0x2069
            or 0x200B or 0x200E or 0x200F or 0x00AD or 0xFEFF or 0xFFFD;
}
