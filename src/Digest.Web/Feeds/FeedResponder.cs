using Digest.Core.Search;
using Digest.Core.Topics;
using Digest.Web.Browsing;

namespace Digest.Web.Feeds;

/// <summary>
/// Answers a feed request: validators first (no search), 304 when the reader's copy is current, else the feed built
/// and written. Everything a feed kind differs in (its URLs, title and entries) is passed in.
/// </summary>
public sealed class FeedResponder(SearchService search, TaxonomyProvider taxonomies, PublicUrls publicUrls, FeedVersion versions)
{
    public SearchService Search { get; } = search;

    public Taxonomy Taxonomy => taxonomies.Current;

    /// <param name="context">The request.</param>
    /// <param name="taxonomy">The taxonomy the title and entries are named with.</param>
    /// <param name="feedPath">The canonical feed URL without the limit (the feed's id).</param>
    /// <param name="pagePath">The page listing the same entries (rel=alternate).</param>
    /// <param name="limit">Entries wanted.</param>
    /// <param name="title">Names the view (the page's title).</param>
    /// <param name="entries">Builds the entries from the base URL and the time that dates undated ones.</param>
    public IResult Serve(HttpContext context, Taxonomy taxonomy, string feedPath, string pagePath, int limit, string title,
        Func<string, DateTimeOffset, IReadOnlyList<AtomEntry>> entries)
    {
        // The state is read before searching, so what is served is never older than its validators claim.
        var state = versions.Current(taxonomy);
        var baseUrl = publicUrls.Base(context.Request);
        var self = FeedUrls.WithLimit(feedPath, limit);
        if (ConditionalGet.IsNotModified(context, FeedVersion.ETag(state, baseUrl, self), state.LastModified))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var feed = new AtomFeed(baseUrl + feedPath, title + " · Digest", state.LastModified, baseUrl + self, baseUrl + pagePath, entries(baseUrl, state.LastModified));
        return Results.Bytes(AtomFeedWriter.Write(feed), AtomFeedWriter.ContentType);
    }
}
