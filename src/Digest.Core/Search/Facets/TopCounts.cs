namespace Digest.Core.Search.Facets;

/// <summary>The values with the highest counts: the shown values of a facet, and the test of a frequent-first count.</summary>
internal static class TopCounts
{
    /// <summary>
    /// Ordinals of the <paramref name="top"/> highest non-zero counts among the first <paramref name="valueCount"/>
    /// (or only <paramref name="candidates"/> when given), by count descending then ordinal (value order). A bounded
    /// heap, not a sort: the author facet has hundreds of thousands of values and only ten are shown.
    /// </summary>
    public static List<int> Ordinals(ReadOnlySpan<int> counts, int[]? candidates, int valueCount, int top)
    {
        // The heap's minimum is the weakest kept value: the lowest count, and among equal counts the highest ordinal.
        var heap = new PriorityQueue<int, (int Count, int NegativeOrd)>();
        var length = candidates?.Length ?? valueCount;
        // Once the heap is full, a count below its weakest cannot enter: one comparison for nearly every value.
        var weakestCount = 1;
        for (var i = 0; i < length; i++)
        {
            var ord = candidates is null ? i : candidates[i];
            var count = counts[ord];
            if (count < weakestCount) continue;
            if (heap.Count < top) heap.Enqueue(ord, (count, -ord));
            else if (heap.TryPeek(out _, out var weakest) && (count, -ord).CompareTo(weakest) > 0) heap.EnqueueDequeue(ord, (count, -ord));
            if (heap.Count == top && heap.TryPeek(out _, out var kept)) weakestCount = kept.Count;
        }
        var result = new List<int>(heap.Count);
        while (heap.Count > 0) result.Add(heap.Dequeue());
        result.Reverse();
        return result;
    }
}
