using System.Buffers;

namespace Digest.Web.Browsing;

/// <summary>
/// Query-string values as Digest writes them: escaped like <see cref="Uri.EscapeDataString(string)"/>, with "+" for
/// spaces because it keeps URLs readable (both spellings decode to the same view). A search page writes a few hundred
/// of them, almost all slugs, categories, years and plain words that need no escaping, so those skip the escaper.
/// </summary>
internal static class QueryValue
{
    /// <summary>The characters <see cref="Uri.EscapeDataString(string)"/> leaves as they are (RFC 3986 unreserved), and space.</summary>
    private static readonly SearchValues<char> UnreservedOrSpace =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~ ");

    public static string Escape(string value) =>
        value.AsSpan().ContainsAnyExcept(UnreservedOrSpace)
            ? Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal)
            : value.Replace(' ', '+');
}
