using Digest.Core.Search;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Digest.Web.Feeds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Topics;

/// <summary>One topic: its description, chart and papers; the paper list is the search view filtered to the topic, narrowable and bookmarkable.</summary>
public sealed class TopicModel(SearchService search, TaxonomyProvider taxonomies) : PageModel
{
    public const int PageSize = SearchRequest.DefaultPageSize;

    public Topic Topic { get; private set; } = null!;

    public Topic? Parent { get; private set; }

    public IReadOnlyList<Topic> Children { get; private set; } = [];

    public MonthChart Chart { get; private set; } = null!;

    public SearchView View { get; private set; } = null!;

    public string Title { get; private set; } = "";

    public string CanonicalUrl { get; private set; } = "";

    public string Description { get; private set; } = "";

    public FollowView Follow { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        var taxonomy = taxonomies.Current;
        if (taxonomy.Find(slug) is not { } topic) return NotFound();
        Topic = topic;
        Parent = topic.Parent is null ? null : taxonomy.Find(topic.Parent);
        Children = taxonomy.ChildrenOf(topic.Slug);

        var input = SearchQueryReader.Read(Request.Query, PageSize);
        var urls = new SearchUrls(topic.Slug);
        // The page's topic is a fixed filter: topics chosen here narrow it (any of them, within the topic), so every
        // facet count is the total of its link, as on the search page.
        var chosen = input.Request.Topics.Where(t => t != topic.Slug).ToList();
        var response = search.Search(input.Request with { Topics = chosen, WithinTopic = topic.Slug });
        if (response.RedirectToPaperId is { } paperId) return Redirect(PaperUrls.For(paperId));

        View = new SearchView(response, urls, taxonomy, SearchView.CollectNotices(input, response, taxonomy), hiddenTopic: topic.Slug);
        Chart = MonthChart.Create("chart-" + topic.Slug, topic.Label, MonthChart.Months(search.GetMonthCounts(), 36), search.GetMonthCounts(topic.Slug));
        Title = SearchTitles.For(response.Request, taxonomy);
        CanonicalUrl = urls.For(response.Request);
        Description = PageDescriptions.Topic(topic, response, taxonomy);
        Follow = new FollowView(FeedUrls.For(urls, response.Request), SearchTitles.For(response.Request with { Page = 1 }, taxonomy));
        return Page();
    }
}
