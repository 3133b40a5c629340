using Digest.Core.Search;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Microsoft.AspNetCore.WebUtilities;

namespace Digest.Web.Subscriptions;

/// <summary>
/// A followed view is stored as its canonical local URL (<c>/search?…</c> or <c>/topics/{slug}?…</c>), read with the
/// same <see cref="SearchQueryReader"/> as the pages and written with the same <see cref="SearchUrls"/>, so equal
/// views are one subscription and a view always means what its page shows. Sort and page are dropped: a digest lists
/// the newest papers. Anything else (another host, another path, a scheme) is not a view, which also means a view
/// can never become an open redirect.
/// </summary>
public static class SubscriptionViews
{
    /// <summary>Longest view URL accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>The canonical form of <paramref name="view"/>, or null when it is not a search or topic view of this site.</summary>
    public static string? Normalize(string? view, Taxonomy taxonomy) =>
        Parse(view, taxonomy) is { } parsed ? UrlFor(parsed) : null;

    /// <summary>The search a stored view runs (newest first), or null when it no longer names a view (a topic was removed).</summary>
    public static SearchRequest? ToRequest(string view, Taxonomy taxonomy) => Parse(view, taxonomy);

    /// <summary>A title naming the view's query and filters, as its page's heading does.</summary>
    public static string Title(string view, Taxonomy taxonomy) =>
        Parse(view, taxonomy) is { } request ? SearchTitles.For(request, taxonomy) : view;

    private static string UrlFor(SearchRequest request) => new SearchUrls(request.WithinTopic).For(request with { Sort = null, Page = 1 });

    private static SearchRequest? Parse(string? view, Taxonomy taxonomy)
    {
        if (string.IsNullOrWhiteSpace(view) || view.Length > MaxLength || view.Any(char.IsControl)) return null;
        // Only a path of this site: "//host", "/\host" and "scheme:" are other sites to a browser.
        if (view[0] != '/' || view.StartsWith("//", StringComparison.Ordinal) || view.StartsWith("/\\", StringComparison.Ordinal)) return null;
        var queryStart = view.IndexOf('?');
        var path = queryStart < 0 ? view : view[..queryStart];
        var query = new QueryCollection(QueryHelpers.ParseQuery(queryStart < 0 ? "" : view[queryStart..]));
        var request = SearchQueryReader.Read(query).Request with { Sort = SearchSort.Newest, Page = 1, IncludeSnippets = false };
        if (path.Equals(SearchUrls.SearchPath, StringComparison.OrdinalIgnoreCase)) return request;

        const string topicsPrefix = "/topics/";
        if (!path.StartsWith(topicsPrefix, StringComparison.OrdinalIgnoreCase)) return null;
        var slug = Uri.UnescapeDataString(path[topicsPrefix.Length..]).ToLowerInvariant();
        if (taxonomy.Find(slug) is null) return null;
        return request with { WithinTopic = slug, Topics = [.. request.Topics.Where(t => t != slug)] };
    }
}
