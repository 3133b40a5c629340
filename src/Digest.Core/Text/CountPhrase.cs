using System.Globalization;

namespace Digest.Core.Text;

/// <summary>
/// A count and its noun, in the number the count needs: "1 paper", "0 papers", "12,345 papers". The one place pages,
/// feeds, mails and the CLI put a number before a noun, so none of them says "1 papers".
/// </summary>
public static class CountPhrase
{
    /// <summary>
    /// <paramref name="count"/> with thousands separators (invariant culture) and <paramref name="singular"/> for
    /// exactly one, else <paramref name="plural"/> (by default the singular with an "s").
    /// </summary>
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + Noun(count, singular, plural);

    /// <summary>The noun alone, for when the number is written separately (as markup, or as a data attribute).</summary>
    public static string Noun(long count, string singular, string? plural = null) =>
        count == 1 ? singular : plural ?? singular + "s";
}
