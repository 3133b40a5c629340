using System.Text;

namespace Digest.Web.Browsing;

/// <summary>
/// The absolute <c>rel=canonical</c> of every page, written once by the layout: a page names its canonical path and
/// query in <c>ViewData["Canonical"]</c> (search views through <see cref="SearchUrls"/>), and a page that names none
/// gets its own path with its query in a canonical order. The base is <see cref="PublicUrls"/>'s (Digest:PublicBaseUrl,
/// else the request): search engines ignore a relative canonical on some hosts and Lighthouse fails it.
/// </summary>
public sealed class CanonicalUrls(PublicUrls publicUrls)
{
    /// <summary>Query parameters that only say where a visitor came from; they never change what a page shows.</summary>
    private static readonly string[] TrackingParameters = ["fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga"];

    /// <summary>
    /// The absolute canonical URL: <paramref name="pathAndQuery"/> when the page named one, else
    /// <see cref="FromRequest"/>. A <paramref name="noIndex"/> page without one keeps only its path: its query holds
    /// one-time tokens (subscription links), which the page should not repeat.
    /// </summary>
    public string For(HttpRequest request, string? pathAndQuery, bool noIndex) =>
        publicUrls.Absolute(request, string.IsNullOrEmpty(pathAndQuery) ? FromRequest(request.Path, noIndex ? null : request.Query) : pathAndQuery);

    /// <summary>
    /// <paramref name="path"/> and <paramref name="query"/> in canonical order: parameters sorted by name, values
    /// sorted, empty values, <c>page=1</c> and tracking parameters (<c>utm_*</c>, click ids) dropped, so equal views
    /// of any page (a new page included) get one canonical without code of their own.
    /// </summary>
    public static string FromRequest(PathString path, IQueryCollection? query)
    {
        var url = new StringBuilder(path.HasValue ? path.ToUriComponent() : "/");
        if (query is null) return url.ToString();
        var pathLength = url.Length;
        // A crafted address may repeat a parameter a thousand times: the canonical keeps as many as a search honours.
        foreach (var name in query.Keys.Where(IsMeaningful).Order(StringComparer.Ordinal).Take(SearchParameters.MaxValuesPerParameter))
        {
            foreach (var value in query[name].Order(StringComparer.Ordinal).Take(SearchParameters.MaxValuesPerParameter))
            {
                if (string.IsNullOrWhiteSpace(value)) continue;
                if (name == SearchParameters.Page && value == "1") continue;
                url.Append(url.Length == pathLength ? '?' : '&').Append(QueryValue.Escape(name)).Append('=').Append(QueryValue.Escape(value));
            }
        }
        return url.ToString();
    }

    private static bool IsMeaningful(string name) =>
        name.Length > 0
        && !name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        && !TrackingParameters.Contains(name, StringComparer.OrdinalIgnoreCase);
}
