namespace Digest.Core.Search.Facets;

/// <summary>
/// One facet's part of a <see cref="DrillSidewaysCollector"/>: what the request selects in it, the current segment's
/// values, and its pooled counts and bit sets (owned here, returned on <see cref="Dispose"/>).
/// </summary>
internal sealed class DrillSidewaysFacet : IDisposable
{
    /// <param name="definition">The facet.</param>
    /// <param name="ordinals">Its values in the searched reader.</param>
    /// <param name="request">The request: its selection in this facet, resolved to ordinals.</param>
    public DrillSidewaysFacet(FacetDefinition definition, FacetOrdinals ordinals, SearchRequest request)
    {
        Definition = definition;
        Ordinals = ordinals;
        var selected = definition.Selected(request);
        // Selected values the index does not have match no document: the facet still counts as selected (its filter
        // is checked here, not by the query), so its results are 0 and its other values show what they would add.
        IsSelected = selected.Count > 0;
        SelectedOrds = [.. selected.Select(ordinals.OrdinalOf).Where(ord => ord >= 0)];
        HitCounts = new PooledBuffer<int>(ordinals.ValueCount);
        if (IsSelected)
        {
            MissCounts = new PooledBuffer<int>(ordinals.ValueCount);
            MissDocs = new PooledBuffer<ulong>(0);
        }
        else if (ordinals.Frequent is { } frequent)
        {
            FrequentCounts = new PooledBuffer<int>(frequent.DenseToGlobal.Length);
        }
    }

    public FacetDefinition Definition { get; }

    public FacetOrdinals Ordinals { get; }

    /// <summary>Whether the request selects any value of this facet.</summary>
    public bool IsSelected { get; }

    /// <summary>Global ordinals of the selected values the index has.</summary>
    public int[] SelectedOrds { get; }

    /// <summary>By global ordinal: values of the documents matching every selection.</summary>
    public PooledBuffer<int> HitCounts { get; }

    /// <summary>With a selection, by global ordinal: values of the documents that miss only this facet's selection.</summary>
    public PooledBuffer<int>? MissCounts { get; }

    /// <summary>With a selection: the current segment's documents that miss only this facet's selection.</summary>
    public PooledBuffer<ulong>? MissDocs { get; }

    /// <summary>Documents marked in <see cref="MissDocs"/> since the last flush.</summary>
    public int MissCount { get; set; }

    /// <summary>Without a selection, when the facet has frequent values: their counts, by dense index (counted first).</summary>
    public PooledBuffer<int>? FrequentCounts { get; }

    /// <summary>
    /// The ordinals of the frequent values when the counts were settled from them (every other count is zero, so the
    /// top values are among these), else null (look at every value).
    /// </summary>
    public int[]? Candidates { get; set; }

    /// <summary>The current segment's values.</summary>
    public FacetSegmentOrdinals Segment { get; private set; } = FacetSegmentOrdinals.Empty;

    /// <summary>With a selection: the current segment's documents having a selected value, when the field keeps per-value bit sets.</summary>
    public ulong[]? SelectedDocs { get; private set; }

    /// <summary>Moves to segment <paramref name="leafOrd"/> of <paramref name="words"/> bit-set words.</summary>
    public void StartSegment(int leafOrd, int words)
    {
        Segment = Ordinals.Segment(leafOrd);
        if (!IsSelected) return;
        SelectedDocs = Segment.DocumentsWithAny(SelectedOrds);
        MissDocs!.Reset(words);
    }

    /// <summary>Whether segment document <paramref name="doc"/> has a selected value.</summary>
    public bool Selects(int doc) =>
        SelectedDocs is { } selectedDocs ? (selectedDocs[doc >> 6] & (1UL << doc)) != 0 : Segment.HasAny(doc, SelectedOrds);

    public void Dispose()
    {
        HitCounts.Dispose();
        MissCounts?.Dispose();
        MissDocs?.Dispose();
        FrequentCounts?.Dispose();
    }
}
