namespace Digest.Core.Search.Facets;

/// <summary>
/// The most frequent values of a facet with very many values (authors), renumbered densely, with each segment's
/// documents' values among them. Only the top values of such a facet are shown, and a value on fewer than
/// <see cref="Threshold"/> papers can never beat a shown count of <see cref="Threshold"/> or more: a search counts
/// these few values first, in a small array that stays in cache, and counts every value only when its top counts
/// come out below the threshold (small or scattered result sets, where counting everything is cheap anyway).
/// </summary>
internal sealed class FrequentFacetValues
{
    private readonly FacetSegmentOrdinals[] _segments;

    private FrequentFacetValues(int threshold, int[] denseToGlobal, FacetSegmentOrdinals[] segments)
    {
        Threshold = threshold;
        DenseToGlobal = denseToGlobal;
        _segments = segments;
    }

    /// <summary>Every value on at least this many papers is frequent; every other value is on fewer.</summary>
    public int Threshold { get; }

    /// <summary>Global ordinal of each dense frequent value.</summary>
    public int[] DenseToGlobal { get; }

    /// <summary>The segment's documents' frequent values, as dense numbers.</summary>
    public FacetSegmentOrdinals Segment(int leafOrd) => _segments[leafOrd];

    /// <summary>
    /// The about <paramref name="candidates"/> values with the most papers (counting deleted ones too, which only
    /// raises a value's bound), or null when the field has too few values to be worth it.
    /// </summary>
    /// <param name="documentCounts">Papers per global ordinal, deleted ones included.</param>
    /// <param name="segments">Each segment's (starts, global ordinals) of every document.</param>
    /// <param name="candidates">About how many values to keep.</param>
    public static FrequentFacetValues? Build(int[] documentCounts, IReadOnlyList<(int[] Starts, int[] Ords)> segments, int candidates)
    {
        if (documentCounts.Length <= candidates * 2) return null;
        var sorted = (int[])documentCounts.Clone();
        Array.Sort(sorted);
        var threshold = Math.Max(2, sorted[^candidates]);
        var globalToDense = new int[documentCounts.Length];
        var denseToGlobal = new List<int>();
        for (var ord = 0; ord < documentCounts.Length; ord++)
        {
            globalToDense[ord] = documentCounts[ord] >= threshold ? denseToGlobal.Count : -1;
            if (globalToDense[ord] >= 0) denseToGlobal.Add(ord);
        }

        var frequentSegments = new FacetSegmentOrdinals[segments.Count];
        for (var i = 0; i < segments.Count; i++) frequentSegments[i] = Dense(segments[i].Starts, segments[i].Ords, globalToDense);
        return new FrequentFacetValues(threshold, [.. denseToGlobal], frequentSegments);
    }

    /// <summary>
    /// These values for a reader that keeps this one's segments (<paramref name="kept"/>: the previous leaf of each
    /// leaf, or -1) and adds <paramref name="fresh"/> ones, with <paramref name="documentCounts"/> its papers per value.
    /// Null when a value not among them now reaches <see cref="Threshold"/>: the invariant would break, so build again.
    /// </summary>
    public FrequentFacetValues? TryExtend(int[] documentCounts, int[] kept, (int[] Starts, int[] Ords)?[] fresh)
    {
        var globalToDense = new int[documentCounts.Length];
        Array.Fill(globalToDense, -1);
        for (var dense = 0; dense < DenseToGlobal.Length; dense++) globalToDense[DenseToGlobal[dense]] = dense;
        for (var ord = 0; ord < documentCounts.Length; ord++)
        {
            if (globalToDense[ord] < 0 && documentCounts[ord] >= Threshold) return null;
        }
        var segments = new FacetSegmentOrdinals[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            segments[i] = kept[i] >= 0 ? _segments[kept[i]] : Dense(fresh[i]!.Value.Starts, fresh[i]!.Value.Ords, globalToDense);
        }
        return new FrequentFacetValues(Threshold, DenseToGlobal, segments);
    }

    private static FacetSegmentOrdinals Dense(int[] starts, int[] ords, int[] globalToDense)
    {
        if (starts.Length == 0) return FacetSegmentOrdinals.Empty;
        var denseStarts = new int[starts.Length];
        var denseOrds = new List<int>();
        for (var doc = 0; doc < starts.Length - 1; doc++)
        {
            denseStarts[doc] = denseOrds.Count;
            for (var j = starts[doc]; j < starts[doc + 1]; j++)
            {
                if (globalToDense[ords[j]] >= 0) denseOrds.Add(globalToDense[ords[j]]);
            }
        }
        denseStarts[^1] = denseOrds.Count;
        return new FacetSegmentOrdinals(denseStarts, [.. denseOrds], null, []);
    }
}
