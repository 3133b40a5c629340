using Digest.Core.Search;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Digest.Web.Feeds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages;

/// <summary>The search page: every state (query, facets, sort, page) lives in the query string, so each view is a bookmark.</summary>
public sealed class SearchModel(SearchService search, TaxonomyProvider taxonomies) : PageModel
{
    public const int PageSize = SearchRequest.DefaultPageSize;

    public SearchView View { get; private set; } = null!;

    public string Title { get; private set; } = "";

    public string CanonicalUrl { get; private set; } = "";

    public string Description { get; private set; } = "";

    public FollowView Follow { get; private set; } = null!;

    public IActionResult OnGet()
    {
        var input = SearchQueryReader.Read(Request.Query, PageSize);
        var response = search.Search(input.Request);
        if (response.RedirectToPaperId is { } paperId) return Redirect(PaperUrls.For(paperId));

        var taxonomy = taxonomies.Current;
        var urls = new SearchUrls();
        View = new SearchView(response, urls, taxonomy, SearchView.CollectNotices(input, response, taxonomy));
        Title = SearchTitles.For(response.Request, taxonomy);
        CanonicalUrl = urls.For(response.Request);
        Description = SearchTitles.Describe(response, taxonomy);
        Follow = new FollowView(FeedUrls.For(urls, response.Request), SearchTitles.For(response.Request with { Page = 1 }, taxonomy));
        return Page();
    }
}
