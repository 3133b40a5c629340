using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Facets;

/// <summary>
/// Counts the values of one or more facet fields over the collected documents, by global ordinal.
/// The counts are pooled buffers (the author facet's would be a large-object allocation per query): dispose after use.
/// </summary>
internal sealed class FacetCountCollector : ICollector, IDisposable
{
    private readonly FacetOrdinals[] _facets;
    private readonly FacetSegmentOrdinals[] _segment;
    private readonly PooledBuffer<int>[] _counts;

    public FacetCountCollector(params FacetOrdinals[] facets)
    {
        _facets = facets;
        _segment = new FacetSegmentOrdinals[facets.Length];
        _counts = [.. facets.Select(f => new PooledBuffer<int>(f.ValueCount))];
    }

    /// <summary>Counts of facet <paramref name="facet"/> (constructor order), one per global ordinal.</summary>
    public ReadOnlySpan<int> Counts(int facet) => _counts[facet].Span;

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
        for (var i = 0; i < _facets.Length; i++) _segment[i].AddCounts(new ReadOnlySpan<int>(in doc), _counts[i].Array);
    }

    public void Dispose()
    {
        foreach (var counts in _counts) counts.Dispose();
    }
}
