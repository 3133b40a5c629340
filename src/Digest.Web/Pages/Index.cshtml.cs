using Digest.Core.Search;
using Digest.Core.Topics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages;

/// <summary>The front page: the latest digest day (or the newest papers when there are no digest days) and the topics.</summary>
public sealed class IndexModel(SearchService search, TaxonomyProvider taxonomies) : PageModel
{
    public const int PageSize = 30;

    public DateOnly? LatestDay { get; private set; }

    public SearchResponse Papers { get; private set; } = null!;

    public IReadOnlyList<FacetValue> TopicCounts { get; private set; } = [];

    public Taxonomy Taxonomy { get; private set; } = null!;

    public void OnGet()
    {
        Taxonomy = taxonomies.Current;
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
