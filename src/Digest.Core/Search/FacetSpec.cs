using System.Globalization;
using Digest.Core.Indexing;

namespace Digest.Core.Search;

/// <summary>A facet shown with search results: its index field, how many values to show, and what the request selects.</summary>
internal sealed record FacetSpec(string Name, string Field, int? Top, Func<SearchRequest, IReadOnlyList<string>> Selected)
{
    /// <summary>The search facets in display order.</summary>
    public static readonly FacetSpec[] All =
    [
        new(FacetNames.Topic, PaperFields.Topic, null, r => r.Topics),
        new(FacetNames.Category, PaperFields.Category, 30, r => r.Categories),
        new(FacetNames.Year, PaperFields.Year, null, r => [.. r.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))]),
        new(FacetNames.HasCode, PaperFields.HasCode, null, r => r.HasCode is { } c ? [c ? PaperFields.Yes : PaperFields.No] : []),
        new(FacetNames.Author, PaperFields.AuthorExact, 10, r => r.Authors),
    ];

    /// <summary>The facet's values: top by count (then value), plus every selected value even at zero.</summary>
    public SearchFacet ToFacet(FacetOrdinals ordinals, int[] counts, SearchRequest request)
    {
        var selected = Selected(request);
        var ranked = new List<(int Ord, int Count)>();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0) ranked.Add((ord, counts[ord]));
        }
        // Ordinals follow the index's byte order, which is the value order for these ASCII-ish labels.
        ranked.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Ord.CompareTo(b.Ord));
        var values = ranked.Take(Top ?? int.MaxValue)
            .Select(r => new FacetValue(ordinals.Labels[r.Ord], r.Count, selected.Contains(ordinals.Labels[r.Ord])))
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
