using System.Globalization;
using Digest.Core.Indexing;

namespace Digest.Core.Search.Facets;

/// <summary>
/// A facet shown with search results: its index field, how many values to show, what the request selects, and
/// whether clicking a value adds it to the selection (<paramref name="AnyOf"/>: results have any selected value)
/// or replaces the selection (has code: yes or no).
/// </summary>
internal sealed record FacetSpec(string Name, string Field, int? Top, bool AnyOf, Func<SearchRequest, IReadOnlyList<string>> Selected)
{
    /// <summary>The search facets in display order.</summary>
    public static readonly FacetSpec[] All =
    [
        new(FacetNames.Topic, PaperFields.Topic, null, AnyOf: true, r => r.Topics),
        new(FacetNames.Category, PaperFields.Category, 30, AnyOf: true, r => r.Categories),
        new(FacetNames.Year, PaperFields.Year, null, AnyOf: true, r => [.. r.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))]),
        new(FacetNames.HasCode, PaperFields.HasCode, null, AnyOf: false, r => r.HasCode is { } c ? [c ? PaperFields.Yes : PaperFields.No] : []),
        new(FacetNames.Author, PaperFields.AuthorExact, 10, AnyOf: true, r => r.Authors),
    ];

    /// <summary>
    /// The facet's values with the count each link leads to. Without a selection in this facet, a value's count is
    /// the number of results with it (<paramref name="hitCounts"/>). With one, a selected value shows how many of the
    /// current results have it, and an unselected value shows the total its link gives: for an any-of facet the
    /// current results plus those only the value adds (<paramref name="missCounts"/>: results of every other filter
    /// that miss this facet's selection), for a replacing facet the value's own results under every other filter.
    /// Shown: the top values by count (then value), plus every selected value even at zero. Count arrays may be
    /// longer than the value count (pooled). <paramref name="candidates"/>, when given, are the only ordinals whose
    /// count may be above zero (the author facet has hundreds of thousands of values, and a search often counts only
    /// its most frequent ones).
    /// </summary>
    public SearchFacet ToFacet(FacetOrdinals ordinals, int[] hitCounts, int[]? missCounts, int totalHits, SearchRequest request, int[]? candidates = null)
    {
        var selected = Selected(request);
        var selectedOrds = selected.Select(ordinals.OrdinalOf).Where(ord => ord >= 0).ToHashSet();
        var counts = hitCounts;
        if (missCounts is not null)
        {
            counts = new int[ordinals.ValueCount];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                // A value no result of the other filters has is not shown (count 0), whatever its link would give.
                counts[ord] = selectedOrds.Contains(ord) ? hitCounts[ord]
                    : hitCounts[ord] + missCounts[ord] == 0 ? 0
                    : AnyOf ? totalHits + missCounts[ord]
                    : hitCounts[ord] + missCounts[ord];
            }
        }
        var values = TopCounts.Ordinals(counts, missCounts is null ? candidates : null, ordinals.ValueCount, Top ?? int.MaxValue)
            .Select(ord => new FacetValue(ordinals.Labels[ord], counts[ord], selected.Contains(ordinals.Labels[ord])))
            .ToList();
        foreach (var value in selected)
        {
            if (values.Exists(v => v.Value == value)) continue;
            var ord = ordinals.OrdinalOf(value);
            values.Add(new FacetValue(value, ord >= 0 ? counts[ord] : 0, Selected: true));
        }
        return new SearchFacet(Name, values);
    }
}
