using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Digest.Core.Search.Facets;

/// <summary>
/// One facet field across a whole index reader: each segment's values, the map from segment to global ordinals
/// and the label of every global ordinal. Built once per reader (see <see cref="FacetCache"/>), never per query.
/// </summary>
internal sealed class FacetOrdinals
{
    private readonly FacetSegmentOrdinals[] _segments;
    private readonly string[] _labels;

    private FacetOrdinals(FacetSegmentOrdinals[] segments, string[] labels, FrequentFacetValues? frequent = null)
    {
        _segments = segments;
        _labels = labels;
        Frequent = frequent;
    }

    /// <summary>For a facet with very many values: its most frequent ones (see <see cref="FrequentFacetValues"/>); else null.</summary>
    public FrequentFacetValues? Frequent { get; }

    /// <summary>Number of distinct values in the reader.</summary>
    public int ValueCount => _labels.Length;

    /// <summary>Labels by global ordinal, in index (UTF-8 byte) order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The values of the segment at <paramref name="leafOrd"/>, as global ordinals.</summary>
    public FacetSegmentOrdinals Segment(int leafOrd) => _segments[leafOrd];

    /// <summary>The global ordinal of <paramref name="label"/>, or -1.</summary>
    public int OrdinalOf(string label)
    {
        var found = Array.BinarySearch(_labels, label, StringComparer.Ordinal);
        // Ordinal UTF-16 order differs from UTF-8 byte order only around surrogates: fall back to a scan there.
        return found >= 0 ? found : Array.IndexOf(_labels, label);
    }

    /// <param name="reader">The index reader.</param>
    /// <param name="field">A facet field.</param>
    /// <param name="segmentValues">Each segment's values (cached per segment by the caller).</param>
    /// <param name="frequentCandidates">When above zero, also find about this many most frequent values (<see cref="Frequent"/>).</param>
    public static FacetOrdinals Build(IndexReader reader, string field, Func<AtomicReader, SegmentFacetValues> segmentValues, int frequentCandidates = 0)
    {
        var leaves = reader.Leaves;
        var segments = new FacetSegmentOrdinals[leaves.Count];
        var all = MultiDocValues.GetSortedSetValues(reader, field);
        if (all is null)
        {
            Array.Fill(segments, FacetSegmentOrdinals.Empty);
            return new FacetOrdinals(segments, []);
        }

        var labels = new string[all.ValueCount];
        var scratch = new BytesRef();
        for (var ord = 0; ord < labels.Length; ord++)
        {
            all.LookupOrd(ord, scratch);
            labels[ord] = scratch.Utf8ToString();
        }

        // A single segment's ordinals are already global; several segments come with an ordinal map, applied here
        // once per reader so that counting never looks it up.
        var mapping = (all as MultiDocValues.MultiSortedSetDocValues)?.Mapping;
        var globalOrds = new List<(int[] Starts, int[] Ords)>(leaves.Count);
        for (var i = 0; i < leaves.Count; i++)
        {
            var values = segmentValues(leaves[i].AtomicReader);
            if (values.Starts.Length == 0)
            {
                segments[i] = FacetSegmentOrdinals.Empty;
                globalOrds.Add(([], []));
                continue;
            }
            var map = new int[values.ValueCount];
            for (var ord = 0; ord < map.Length; ord++) map[ord] = mapping is null ? ord : (int)mapping.GetGlobalOrd(i, ord);
            var global = values.Ords;
            if (mapping is not null)
            {
                global = new int[values.Ords.Length];
                for (var j = 0; j < global.Length; j++) global[j] = map[values.Ords[j]];
            }
            segments[i] = new FacetSegmentOrdinals(values.Starts, global, values.ValueBits, map);
            globalOrds.Add((values.Starts, global));
        }
        return new FacetOrdinals(segments, labels, frequentCandidates > 0 ? FrequentValues(labels.Length, globalOrds, frequentCandidates) : null);
    }

    private static FrequentFacetValues? FrequentValues(int valueCount, List<(int[] Starts, int[] Ords)> segments, int candidates)
    {
        var documentCounts = new int[valueCount];
        foreach (var (_, ords) in segments)
        {
            foreach (var ord in ords) documentCounts[ord]++;
        }
        return FrequentFacetValues.Build(documentCounts, segments, candidates);
    }
}
