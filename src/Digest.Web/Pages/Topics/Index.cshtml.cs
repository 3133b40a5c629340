using Digest.Core.Search;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Topics;

/// <summary>Every topic with its paper count and a per-month chart; children nested under their parents.</summary>
public sealed class IndexModel(SearchService search, TaxonomyProvider taxonomies) : PageModel
{
    public Taxonomy Taxonomy { get; private set; } = null!;

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, MonthChart> Charts { get; private set; } = new Dictionary<string, MonthChart>();

    public void OnGet()
    {
        Taxonomy = taxonomies.Current;
        var all = search.Search(new SearchRequest { PageSize = 1, IncludeSnippets = false });
        Counts = all.Facet(FacetNames.Topic)?.Values.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal) ?? [];
        // One month axis for every chart, so the charts can be compared at a glance.
        var months = MonthChart.Months(search.GetMonthCounts());
        Charts = Taxonomy.Topics.ToDictionary(
            t => t.Slug,
            t => MonthChart.Create("chart-" + t.Slug, t.Label, months, Counts.GetValueOrDefault(t.Slug) == 0 ? [] : search.GetMonthCounts(t.Slug)),
            StringComparer.Ordinal);
    }

    public IReadOnlyList<Topic> ChildrenOf(string? parent) => Taxonomy.ChildrenOf(parent);
}
