using System.Globalization;
using Digest.Core.Search;
using Digest.Web.Browsing;

namespace Digest.Web.Feeds;

/// <summary>
/// The one rule from a page to its feed: <c>/feeds</c> in front of the page's path and query (<c>/search?q=x</c> →
/// <c>/feeds/search?q=x</c>, <c>/topics/llm</c> → <c>/feeds/topics/llm</c>, <c>/</c> → <c>/feeds</c>). The feed
/// reads the same parameters as the page with the same reader, plus <see cref="Limit"/>; it holds the newest papers
/// first, so its <c>sort</c> and <c>page</c> are accepted and left out of its canonical URL, except
/// <c>sort=trending</c>: that feed holds the trending papers, another feed with a URL of its own.
/// </summary>
public static class FeedUrls
{
    public const string Prefix = "/feeds";

    /// <summary>Query parameter: number of entries.</summary>
    public const string Limit = "limit";

    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    /// <summary>The feed of the page at <paramref name="pagePath"/> (path and query, starting with "/").</summary>
    public static string For(string pagePath) => pagePath == "/" ? Prefix : Prefix + pagePath;

    /// <summary>The canonical feed of a search view: the view's canonical URL without sort and page, under <see cref="Prefix"/>.</summary>
    public static string For(SearchUrls urls, SearchRequest request) => For(urls.For(AsFeedView(request)));

    /// <summary>The page that lists what the feed holds, in the feed's order: the view sorted newest first (or trending), page 1.</summary>
    public static string Page(SearchUrls urls, SearchRequest request) => urls.For(AsFeedView(request) with { Sort = FeedSort(request) });

    /// <summary><paramref name="feedUrl"/> with the limit when it is not the default.</summary>
    public static string WithLimit(string feedUrl, int limit) =>
        limit == DefaultLimit ? feedUrl : feedUrl + (feedUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?') + Limit + "=" + limit.ToString(CultureInfo.InvariantCulture);

    /// <summary>The order of the feed of <paramref name="request"/>: trending when asked, else newest.</summary>
    public static SearchSort FeedSort(SearchRequest request) => request.Sort == SearchSort.Trending ? SearchSort.Trending : SearchSort.Newest;

    private static SearchRequest AsFeedView(SearchRequest request) => request with { Sort = request.Sort == SearchSort.Trending ? SearchSort.Trending : null, Page = 1 };
}
