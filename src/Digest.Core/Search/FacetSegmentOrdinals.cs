namespace Digest.Core.Search;

/// <summary>
/// One segment's values of one facet field as global ordinals of the current reader, in flat arrays: counting a
/// document is a short loop of array increments, with no per-hit lookup from segment to global ordinals (for the
/// author facet that lookup was a second cache miss per value). Built per reader by <see cref="FacetOrdinals"/>.
/// </summary>
internal sealed class FacetSegmentOrdinals(int[] starts, int[] ords)
{
    public static readonly FacetSegmentOrdinals Empty = new([], []);

    /// <summary>Adds one to <paramref name="counts"/> for every value of every document in <paramref name="docs"/>.</summary>
    public void AddCounts(ReadOnlySpan<int> docs, int[] counts)
    {
        if (starts.Length == 0) return;
        foreach (var doc in docs)
        {
            var end = starts[doc + 1];
            for (var i = starts[doc]; i < end; i++) counts[ords[i]]++;
        }
    }

    /// <summary>Adds one to <paramref name="counts"/> for every value of every document below <paramref name="maxDoc"/> that <paramref name="isLive"/> accepts.</summary>
    public void AddAllCounts(int maxDoc, Func<int, bool> isLive, int[] counts)
    {
        if (starts.Length == 0) return;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (!isLive(doc)) continue;
            var end = starts[doc + 1];
            for (var i = starts[doc]; i < end; i++) counts[ords[i]]++;
        }
    }

    /// <summary>Whether <paramref name="doc"/> has any of the (few) global ordinals in <paramref name="selected"/>.</summary>
    public bool HasAny(int doc, int[] selected)
    {
        if (starts.Length == 0) return false;
        var end = starts[doc + 1];
        for (var i = starts[doc]; i < end; i++)
        {
            if (Array.IndexOf(selected, ords[i]) >= 0) return true;
        }
        return false;
    }
}
