using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Topics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages;

/// <summary>
/// The front page: today's trending papers (a short list; <c>/trending</c> has the rest), then the latest digest day
/// (or the newest papers when there are no digest days) and the topics.
/// </summary>
public sealed class IndexModel(SearchService search, TaxonomyProvider taxonomies, PaperStore store) : PageModel
{
    public const int PageSize = 30;

    /// <summary>Trending papers the front page leads with.</summary>
    public const int TrendingCount = 5;

    /// <summary>The papers trending now, best first.</summary>
    public SearchResponse Trending { get; private set; } = null!;

    /// <summary>Papers the curators featured, the most recent first (an indexed read of a handful of rows).</summary>
    public IReadOnlyList<Paper> Featured { get; private set; } = [];

    public const int FeaturedCount = 5;

    public DateOnly? LatestDay { get; private set; }

    public SearchResponse Papers { get; private set; } = null!;

    public IReadOnlyList<FacetValue> TopicCounts { get; private set; } = [];

    public Taxonomy Taxonomy { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Featured = await store.FeaturedAsync(FeaturedCount, cancellationToken);
        Taxonomy = taxonomies.Current;
        Trending = search.Search(new SearchRequest { Sort = SearchSort.Trending, PageSize = TrendingCount, IncludeSnippets = false });
        LatestDay = search.LatestDigestDay();
        Papers = search.Search(new SearchRequest { DigestDay = LatestDay, Sort = SearchSort.Newest, PageSize = PageSize, IncludeSnippets = false });
        TopicCounts = [.. Papers.Facet(FacetNames.Topic)?.Values.Where(v => v.Count > 0) ?? []];
        // Chips show every topic's total, not the day's: the facet above is limited to the day, so count again without it.
        if (LatestDay is not null)
        {
            var all = search.Search(new SearchRequest { PageSize = 1, IncludeSnippets = false });
            TopicCounts = [.. all.Facet(FacetNames.Topic)?.Values.Where(v => v.Count > 0) ?? []];
        }
    }
}
