namespace Digest.Core.Papers;

/// <summary>
/// Short readable names for the licence URLs arXiv records (<c>http://creativecommons.org/licenses/by/4.0/</c> is
/// "CC BY 4.0"). arXiv's own list is short and stable: its two arXiv licences, CC0, and the Creative Commons licences.
/// </summary>
public static class PaperLicenses
{
    private static readonly Dictionary<string, string> ArxivLicenses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["arxiv.org/licenses/nonexclusive-distrib/1.0"] = "arXiv non-exclusive licence",
        ["arxiv.org/licenses/assumed-1991-2003"] = "arXiv licence (assumed, 1991–2003)",
        ["creativecommons.org/publicdomain/zero/1.0"] = "CC0 1.0",
    };

    /// <summary>"CC BY-NC-SA 4.0" and the like for a known licence URL (http or https, with or without <c>www.</c> and the last slash), else null.</summary>
    public static string? ShortName(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) return null;
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        var path = uri.AbsolutePath.Trim('/').ToLowerInvariant();
        if (ArxivLicenses.TryGetValue($"{host}/{path}", out var name)) return name;
        if (!host.Equals("creativecommons.org", StringComparison.OrdinalIgnoreCase)) return null;
        // licenses/{by|by-sa|by-nc|by-nc-sa|by-nd|by-nc-nd}/{version}
        var parts = path.Split('/');
        if (parts.Length != 3 || parts[0] != "licenses") return null;
        var terms = parts[1].Split('-');
        if (terms[0] != "by" || !terms.All(t => t is "by" or "sa" or "nc" or "nd")) return null;
        if (parts[2].Length is 0 or > 5 || !parts[2].All(c => char.IsAsciiDigit(c) || c == '.')) return null;
        return $"CC {parts[1].ToUpperInvariant()} {parts[2]}";
    }

    /// <summary>The short name when known, else the URL itself: what a link to the licence says.</summary>
    public static string Label(string url) => ShortName(url) ?? url;
}
