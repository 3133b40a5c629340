using Digest.Core.Search.Limits;
using Digest.Core.Search.Queries;
using Lucene.Net.Search;

namespace Digest.Core.Search.Facets;

/// <summary>
/// The one way search results get their facets (<see cref="FacetDefinitions.All"/>, in order): from the counts a
/// reader keeps when everything is browsed, as zeros when nothing can match, or counted in the search itself. The
/// pooled buffers of a count are rented and returned inside (see <see cref="DrillSidewaysCollector"/>); only
/// <see cref="SearchFacet"/>s leave.
/// </summary>
internal static class FacetCounting
{
    /// <summary>Facets of every paper (browsing without a query or filter): no counting, the reader keeps these counts.</summary>
    public static IReadOnlyList<SearchFacet> OfEverything(FacetCache cache, SearchRequest request, int totalHits) =>
        [.. FacetDefinitions.All.Select(facet => FacetValues.Of(facet, cache.For(facet.Field), cache.AllCounts(facet.Field), default, totalHits, request))];

    /// <summary>Facets of a search that matches nothing (a query without searchable words): every count zero, selections still shown.</summary>
    public static IReadOnlyList<SearchFacet> OfNothing(FacetCache cache, SearchRequest request) =>
        [.. FacetDefinitions.All.Select(facet =>
        {
            var ordinals = cache.For(facet.Field);
            return FacetValues.Of(facet, ordinals, new int[ordinals.ValueCount], default, 0, request);
        })];

    /// <summary>
    /// Runs <paramref name="query"/> (null: every paper) under <paramref name="filters"/>, giving the hits to
    /// <paramref name="top"/> and counting every facet in the same pass (drill sideways: a selected facet's own filter
    /// is checked per document instead of in the query). The query is rewritten here, within the time budget: fuzzy
    /// and prefix terms cost most of a flood query's time in rewriting. A spent budget keeps what was collected.
    /// </summary>
    public static FacetedHits Search(
        IndexSearcher searcher, FacetCache cache, SearchRequest request, Query? query, IReadOnlyList<SearchFilter> filters, ICollector top,
        SearchDeadline deadline)
    {
        using var collector = new DrillSidewaysCollector(top, [.. FacetDefinitions.All.Select(facet => new DrillSidewaysFacet(facet, cache.For(facet.Field), request))]);
        var countedSideways = FacetDefinitions.All.Where(facet => facet.Selected(request).Count > 0).Select(facet => facet.Name).ToHashSet();
        Query? rewritten = null;
        var incomplete = false;
        try
        {
            rewritten = query is null ? null : searcher.Rewrite(query);
            searcher.Search(SearchFilters.Combine(rewritten, filters.Where(f => !countedSideways.Contains(f.Group))), new DeadlineCollector(collector, deadline));
        }
        catch (SearchBudgetExceededException)
        {
            incomplete = true;
        }
        collector.Finish();
        return new FacetedHits(collector.TotalHits, collector.Facets(request), incomplete, rewritten);
    }
}
