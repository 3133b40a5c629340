using Digest.Core.Search;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Digest.Web.Pages.Papers;

namespace Digest.Web.Feeds;

/// <summary>Papers as feed entries: everything from the search result's stored fields, so a feed costs one search and no store reads.</summary>
public static class PaperEntries
{
    /// <summary>The scheme arXiv's own Atom feeds give its categories.</summary>
    public const string ArxivCategoryScheme = "http://arxiv.org/schemas/atom";

    /// <summary>
    /// The first <paramref name="limit"/> papers of <paramref name="request"/>: newest first, the same order as the page
    /// with <c>sort=newest</c>, or by trending score when the request asks for <c>sort=trending</c> (any other order
    /// of a search is for reading, not for following). More than a search page holds takes a second page, ranked at
    /// the same time as the first.
    /// </summary>
    public static List<SearchResult> InFeedOrder(SearchService search, SearchRequest request, int limit)
    {
        var results = new List<SearchResult>(limit);
        var pageSize = Math.Min(limit, SearchRequest.MaxPageSize);
        request = request with { Sort = FeedUrls.FeedSort(request) };
        for (var page = 1; results.Count < limit; page++)
        {
            var response = search.Search(request with { Page = page, PageSize = pageSize, IncludeSnippets = false });
            request = request with { TrendingAt = response.Request.TrendingAt };
            results.AddRange(response.Results.Take(limit - results.Count));
            if (response.Results.Count < pageSize || page >= response.PageCount) break;
        }
        return results;
    }

    /// <param name="result">The paper.</param>
    /// <param name="baseUrl">Absolute base of this instance's URLs.</param>
    /// <param name="taxonomy">Names the paper's topics.</param>
    /// <param name="undated">The <c>updated</c> of a paper without any date (Atom requires one).</param>
    public static AtomEntry For(SearchResult result, string baseUrl, Taxonomy taxonomy, DateTimeOffset undated)
    {
        var page = baseUrl + PaperUrls.For(result.Id);
        var links = new List<AtomLink> { new("alternate", page, "text/html") };
        if (result.AbsUrl is { } abs) links.Add(new AtomLink("related", abs, "text/html", "arXiv abstract"));
        if (result.PdfUrl is { } pdf) links.Add(new AtomLink("related", pdf, "application/pdf", "PDF"));
        // Code links come from sources and abstracts: only http(s) ones, as on the paper page.
        foreach (var code in result.CodeUrls.Where(PaperModel.IsWebLink)) links.Add(new AtomLink("related", code, "text/html", "Code"));

        var topicScheme = baseUrl + "/topics/";
        AtomCategory[] categories =
        [
            .. result.Topics.Select(t => new AtomCategory(t, taxonomy.Find(t)?.Label ?? t, topicScheme)),
            .. result.Categories.Select(c => new AtomCategory(c, null, ArxivCategoryScheme)),
        ];
        // A paper known only from a digest has no <published>: its digest day is when it was listed, so it is only the
        // entry's <updated>.
        DateTimeOffset? published = result.Published is { } date ? Midnight(date) : null;
        DateTimeOffset? listed = result.FirstDigestDay is { } day ? Midnight(day) : null;
        return new AtomEntry(page, result.Title, result.Authors, published, published ?? listed ?? undated, result.Abstract, links, categories);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
