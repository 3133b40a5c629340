using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search;

/// <summary>Counts the values of one or more facet fields over the collected documents, by global ordinal.</summary>
internal sealed class FacetCountCollector : ICollector
{
    private readonly FacetOrdinals[] _facets;
    private readonly SegmentFacetValues[] _segment;
    private readonly int[][] _toGlobal;

    public FacetCountCollector(params FacetOrdinals[] facets)
    {
        _facets = facets;
        _segment = new SegmentFacetValues[facets.Length];
        _toGlobal = new int[facets.Length][];
        Counts = facets.Select(f => new int[f.ValueCount]).ToArray();
    }

    /// <summary>Counts per facet (same order as the constructor's), indexed by global ordinal.</summary>
    public int[][] Counts { get; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Counting does not need scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        for (var i = 0; i < _facets.Length; i++)
        {
            _segment[i] = _facets[i].Segment(context.Ord);
            _toGlobal[i] = _facets[i].SegmentToGlobal(context.Ord);
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _facets.Length; i++)
        {
            var counts = Counts[i];
            var toGlobal = _toGlobal[i];
            foreach (var ord in _segment[i].OrdsOf(doc)) counts[toGlobal[ord]]++;
        }
    }
}
