using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Core.Papers;

/// <summary>
/// Paper ids. arXiv ids are normalised to their version-less form; papers without one get an id
/// derived from the normalised title, so the same title always maps to the same id.
/// </summary>
public static partial class PaperId
{
    /// <summary>Prefix of ids derived from a title (never a valid arXiv id).</summary>
    public const string TitlePrefix = "t-";

    // [0-9], not \d: \d also matches other scripts' digits, and "٢٥٠٢.١٧٨٢٣" is no arXiv id.
    [GeneratedRegex(@"^(?:(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/|arxiv:)?\s*(?<id>[0-9]{4}\.[0-9]{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/[0-9]{7})(?:v[0-9]+)?(?:\.pdf)?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPattern();

    /// <summary>
    /// The version-less arXiv id in <paramref name="text"/> (a bare id, <c>arXiv:</c> id, or abs/pdf URL), or null.
    /// Old-style ids keep their archive name in lower case (<c>hep-th/9901001</c>).
    /// </summary>
    public static string? TryParseArxiv(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200) return null;
        var match = ArxivPattern().Match(text.Trim());
        if (!match.Success) return null;
        var id = match.Groups["id"].Value;
        var slash = id.IndexOf('/');
        return slash < 0 ? id : id[..slash].ToLowerInvariant() + id[slash..];
    }

    /// <summary>The title key used to recognise the same paper across sources: lower-case letters and digits only.</summary>
    public static string TitleKey(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in WithoutInvalidCodePoints(title).Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> without the code points <see cref="string.Normalize(NormalizationForm)"/> throws on: halves
    /// of surrogate pairs and the noncharacters U+FFFE and U+FFFF. They reach a title unvalidated (a UTF-8 file behind a
    /// UTF-16 byte-order mark decodes to them) and are neither letters nor digits, so dropping them leaves the key as it would be.
    /// </summary>
    private static string WithoutInvalidCodePoints(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !text.AsSpan().ContainsAny('\uFFFE', '\uFFFF')) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(c).Append(text[++i]);
            else if (!char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF') builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>A stable id for a paper known only by its title.</summary>
    public static string FromTitle(string title)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(TitleKey(title)));
        return TitlePrefix + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>The id for a paper: its arXiv id when known, else the title-derived id.</summary>
    public static string For(string? arxivId, string title) => arxivId ?? FromTitle(title);

    /// <summary>True when <paramref name="id"/> has the shape of an id Digest issues (safe to use in a URL path).</summary>
    public static bool IsWellFormed(string? id) =>
        id is not null && (TryParseArxiv(id) == id || (id.StartsWith(TitlePrefix, StringComparison.Ordinal) && id.Length == 18 && id[2..].All(Uri.IsHexDigit)));
}
