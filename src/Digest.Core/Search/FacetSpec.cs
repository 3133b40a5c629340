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

    /// <summary>The facet's values: top by count (then value), plus every selected value even at zero. <paramref name="counts"/> may be longer than the value count (pooled).</summary>
    public SearchFacet ToFacet(FacetOrdinals ordinals, int[] counts, SearchRequest request)
    {
        var selected = Selected(request);
        var values = TopOrdinals(counts, ordinals.ValueCount, Top ?? int.MaxValue)
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

    /// <summary>
    /// Ordinals of the <paramref name="top"/> highest counts, by count descending then ordinal (value order).
    /// A bounded heap, not a sort: the author facet has tens of thousands of values and only ten are shown.
    /// </summary>
    private static List<int> TopOrdinals(int[] counts, int valueCount, int top)
    {
        // The heap's minimum is the weakest kept value: the lowest count, and among equal counts the highest ordinal.
        var heap = new PriorityQueue<int, (int Count, int NegativeOrd)>();
        for (var ord = 0; ord < valueCount; ord++)
        {
            var count = counts[ord];
            if (count == 0) continue;
            if (heap.Count < top) heap.Enqueue(ord, (count, -ord));
            else if (heap.TryPeek(out _, out var weakest) && (count, -ord).CompareTo(weakest) > 0) heap.EnqueueDequeue(ord, (count, -ord));
        }
        var result = new List<int>(heap.Count);
        while (heap.Count > 0) result.Add(heap.Dequeue());
        result.Reverse();
        return result;
    }
}
