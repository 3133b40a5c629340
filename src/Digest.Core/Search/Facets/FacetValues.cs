namespace Digest.Core.Search.Facets;

/// <summary>A facet's shown values and their counts, from the counts of a search.</summary>
internal static class FacetValues
{
    /// <summary>
    /// The facet's values with the count each link leads to. Without a selection in this facet, a value's count is
    /// the number of results with it (<paramref name="hitCounts"/>). With one, a selected value shows how many of the
    /// current results have it, and an unselected value shows the total its link gives: for an any-of facet the
    /// current results plus those only the value adds (<paramref name="missCounts"/>: results of every other filter
    /// that miss this facet's selection), for a replacing facet the value's own results under every other filter.
    /// Shown: the top values by count (then value), plus every selected value even at zero. Counts have one item per
    /// value. <paramref name="candidates"/>, when given, are the only ordinals whose count may be above zero (the
    /// author facet has hundreds of thousands of values, and a search often counts only its most frequent ones).
    /// </summary>
    public static SearchFacet Of(
        FacetDefinition facet, FacetOrdinals ordinals, ReadOnlySpan<int> hitCounts, ReadOnlySpan<int> missCounts, int totalHits, SearchRequest request,
        int[]? candidates = null)
    {
        var selected = facet.Selected(request);
        var counts = hitCounts;
        if (missCounts.Length > 0)
        {
            var selectedOrds = selected.Select(ordinals.OrdinalOf).Where(ord => ord >= 0).ToHashSet();
            var linked = new int[ordinals.ValueCount];
            for (var ord = 0; ord < linked.Length; ord++)
            {
                // A value no result of the other filters has is not shown (count 0), whatever its link would give.
                linked[ord] = selectedOrds.Contains(ord) ? hitCounts[ord]
                    : hitCounts[ord] + missCounts[ord] == 0 ? 0
                    : facet.AnyOf ? totalHits + missCounts[ord]
                    : hitCounts[ord] + missCounts[ord];
            }
            counts = linked;
        }
        var shown = TopCounts.Ordinals(counts, missCounts.Length > 0 ? null : candidates, ordinals.ValueCount, facet.Top ?? int.MaxValue);
        var values = new List<FacetValue>(shown.Count + selected.Count);
        foreach (var ord in shown) values.Add(new FacetValue(ordinals.Labels[ord], counts[ord], selected.Contains(ordinals.Labels[ord])));
        foreach (var value in selected)
        {
            if (values.Exists(v => v.Value == value)) continue;
            var ord = ordinals.OrdinalOf(value);
            values.Add(new FacetValue(value, ord >= 0 ? counts[ord] : 0, Selected: true));
        }
        return new SearchFacet(facet.Name, values);
    }
}
