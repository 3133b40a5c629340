using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Facets;

/// <summary>
/// Counts the values of one or more facet fields over the collected documents, by global ordinal.
/// The count arrays are pooled (the author facet's would be a large-object allocation per query): dispose after use.
/// </summary>
internal sealed class FacetCountCollector : ICollector, IDisposable
{
    private readonly FacetOrdinals[] _facets;
    private readonly FacetSegmentOrdinals[] _segment;

    public FacetCountCollector(params FacetOrdinals[] facets)
    {
        _facets = facets;
        _segment = new FacetSegmentOrdinals[facets.Length];
        Counts = [.. facets.Select(f => PooledArrays.RentCleared<int>(f.ValueCount))];
    }

    /// <summary>Counts per facet (same order as the constructor's), indexed by global ordinal; arrays may be longer than the value count.</summary>
    public int[][] Counts { get; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Counting does not need scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        for (var i = 0; i < _facets.Length; i++) _segment[i] = _facets[i].Segment(context.Ord);
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _facets.Length; i++) _segment[i].AddCounts(new ReadOnlySpan<int>(in doc), Counts[i]);
    }

    public void Dispose()
    {
        foreach (var counts in Counts) ArrayPool<int>.Shared.Return(counts);
    }
}
