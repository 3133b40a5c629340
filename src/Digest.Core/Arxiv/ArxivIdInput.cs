using Digest.Core.Papers;

namespace Digest.Core.Arxiv;

/// <summary>
/// Reads the arXiv id a reader typed or pasted: a bare id (<c>2403.01234</c>, <c>2403.01234v2</c>, <c>hep-th/9901001</c>),
/// <c>arXiv:2403.01234</c>, or an arxiv.org abs, pdf or html link (with or without <c>www.</c> or <c>export.</c>, a
/// <c>.pdf</c> ending, a query or a fragment). Anything else is refused with a message a reader can act on.
/// </summary>
public static class ArxivIdInput
{
    /// <summary>Longest input read; an id or link is far shorter, and nothing longer is worth matching.</summary>
    public const int MaxLength = 200;

    private static readonly HashSet<string> ArxivHosts = new(["arxiv.org", "www.arxiv.org", "export.arxiv.org"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The version-less arXiv id in <paramref name="text"/>, or the reason there is none.</summary>
    public static ArxivIdParse Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return ArxivIdParse.Refused("Enter an arXiv id or link, for example 2403.01234 or https://arxiv.org/abs/2403.01234.");
        if (trimmed.Length > MaxLength) return ArxivIdParse.Refused($"That is longer than {MaxLength} characters; an arXiv id or link is much shorter.");
        if (trimmed.Any(char.IsControl)) return ArxivIdParse.Refused("That contains control characters; enter an arXiv id or link.");

        var candidate = trimmed;
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            if (!ArxivHosts.Contains(url.Host)) return ArxivIdParse.Refused($"Only arxiv.org links are accepted, not {url.Host}.");
            // The query and fragment (?context=cs.LG, #S2) say nothing about which paper it is.
            candidate = url.Host + url.AbsolutePath;
        }
        var id = PaperId.TryParseArxiv(candidate);
        if (id is null || !HasValidMonth(id))
        {
            return ArxivIdParse.Refused("That is not an arXiv id or arxiv.org link; ids look like 2403.01234 (or hep-th/9901001 for older papers).");
        }
        return ArxivIdParse.Accepted(id);
    }

    // New-style ids start with yymm: 2413.01234 has the shape but names no month, so no paper.
    private static bool HasValidMonth(string id) =>
        id.Contains('/') || (int.Parse(id.AsSpan(2, 2), provider: System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12);
}
