using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Digest.Core.Search.Facets;

/// <summary>
/// One facet field across a whole index reader: each segment's values, the map from segment to global ordinals
/// and the label of every global ordinal. Built once per reader (see <see cref="FacetCache"/>), never per query.
/// </summary>
internal sealed class FacetOrdinals
{
    /// <summary>Most documents the new segments of <see cref="TryExtend"/> may hold; more is an ingest, built from scratch.</summary>
    public const int MaxExtendingDocuments = 1_000;

    private readonly FacetSegmentOrdinals[] _segments;
    private readonly string[] _labels;
    // Each leaf's segment core, so that the next reader's ordinals can tell which segments they share.
    private readonly object[] _cores;
    // Papers per global ordinal (deleted ones included) when Frequent was built: the next reader's bound check.
    private readonly int[]? _documentCounts;

    private FacetOrdinals(FacetSegmentOrdinals[] segments, string[] labels, object[] cores, FrequentFacetValues? frequent = null, int[]? documentCounts = null)
    {
        _segments = segments;
        _labels = labels;
        _cores = cores;
        Frequent = frequent;
        _documentCounts = documentCounts;
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
        var cores = leaves.Select(l => l.AtomicReader.CoreCacheKey).ToArray();
        var all = MultiDocValues.GetSortedSetValues(reader, field);
        if (all is null)
        {
            Array.Fill(segments, FacetSegmentOrdinals.Empty);
            return new FacetOrdinals(segments, [], cores);
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
        if (frequentCandidates <= 0) return new FacetOrdinals(segments, labels, cores);
        var documentCounts = new int[labels.Length];
        foreach (var (_, ords) in globalOrds)
        {
            foreach (var ord in ords) documentCounts[ord]++;
        }
        var frequent = FrequentFacetValues.Build(documentCounts, globalOrds, frequentCandidates);
        return new FacetOrdinals(segments, labels, cores, frequent, frequent is null ? null : documentCounts);
    }

    /// <summary>
    /// The ordinals of a reader that keeps every segment of <paramref name="previous"/>'s and adds small ones whose
    /// values <paramref name="previous"/> already has: what re-indexing a paper for a vote or a curator's change does.
    /// The labels and every kept segment's arrays carry over and only the new segments are mapped, where a full build
    /// merges every segment's values again (about 100 ms at 100,000 papers, paid by the first search after each vote).
    /// Null when that does not hold (a new value, a merged or dropped segment, more than
    /// <see cref="MaxExtendingDocuments"/> new documents, a value crossing the frequent bound): build from scratch then.
    /// </summary>
    public static FacetOrdinals? TryExtend(FacetOrdinals previous, IndexReader reader, string field, Func<AtomicReader, SegmentFacetValues> segmentValues)
    {
        var leaves = reader.Leaves;
        var previousLeaf = new Dictionary<object, int>(previous._cores.Length);
        for (var i = 0; i < previous._cores.Length; i++) previousLeaf[previous._cores[i]] = i;
        var cores = new object[leaves.Count];
        var segments = new FacetSegmentOrdinals[leaves.Count];
        var kept = new int[leaves.Count];
        var keptCount = 0;
        var newDocuments = 0;
        for (var i = 0; i < leaves.Count; i++)
        {
            cores[i] = leaves[i].AtomicReader.CoreCacheKey;
            kept[i] = previousLeaf.GetValueOrDefault(cores[i], -1);
            if (kept[i] >= 0)
            {
                segments[i] = previous._segments[kept[i]];
                keptCount++;
            }
            else if ((newDocuments += leaves[i].AtomicReader.MaxDoc) > MaxExtendingDocuments)
            {
                return null;
            }
        }
        // A segment merged away or dropped may have taken the last paper of a value with it: the labels would be stale.
        if (keptCount != previous._cores.Length) return null;

        var counts = previous._documentCounts is null ? null : (int[])previous._documentCounts.Clone();
        var fresh = new (int[] Starts, int[] Ords)?[leaves.Count];
        var scratch = new BytesRef();
        for (var i = 0; i < leaves.Count; i++)
        {
            if (kept[i] >= 0) continue;
            var values = segmentValues(leaves[i].AtomicReader);
            if (values.Starts.Length == 0)
            {
                segments[i] = FacetSegmentOrdinals.Empty;
                fresh[i] = ([], []);
                continue;
            }
            var segmentDocValues = leaves[i].AtomicReader.GetSortedSetDocValues(field);
            var map = new int[values.ValueCount];
            for (var ord = 0; ord < map.Length; ord++)
            {
                segmentDocValues.LookupOrd(ord, scratch);
                if ((map[ord] = previous.OrdinalOf(scratch.Utf8ToString())) < 0) return null;
            }
            var global = new int[values.Ords.Length];
            for (var j = 0; j < global.Length; j++) global[j] = map[values.Ords[j]];
            segments[i] = new FacetSegmentOrdinals(values.Starts, global, values.ValueBits, map);
            fresh[i] = (values.Starts, global);
            if (counts is not null)
            {
                foreach (var ord in global) counts[ord]++;
            }
        }

        if (previous.Frequent is null) return new FacetOrdinals(segments, previous._labels, cores);
        var frequent = previous.Frequent.TryExtend(counts!, kept, fresh);
        return frequent is null ? null : new FacetOrdinals(segments, previous._labels, cores, frequent, counts);
    }
}
