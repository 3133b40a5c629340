using Lucene.Net.Index;

namespace Digest.Core.Search.Facets;

/// <summary>
/// One segment's facet ordinals for one field, copied out of its SortedSetDocValues into flat arrays once per segment.
/// Counting then is a tight array loop instead of a doc-values decode per hit, which is what keeps a browse over
/// 100,000 papers with five facets within a few milliseconds. Segments are immutable, so the copy never goes stale.
/// </summary>
internal sealed class SegmentFacetValues
{
    public static readonly SegmentFacetValues Empty = new([], [], 0, null);

    /// <summary>Fields with at most this many values in a segment get a document bit set per value.</summary>
    public const int MaxValuesWithBitSets = 1024;

    private readonly int[] _starts;
    private readonly int[] _ords;

    private SegmentFacetValues(int[] starts, int[] ords, int valueCount, ulong[][]? valueBits)
    {
        _starts = starts;
        _ords = ords;
        ValueCount = valueCount;
        ValueBits = valueBits;
    }

    /// <summary>Number of distinct values in the segment (segment ordinals are 0..ValueCount-1).</summary>
    public int ValueCount { get; }

    /// <summary>Where each document's ordinals start in <see cref="Ords"/> (one more entry than documents; empty when the segment has no value).</summary>
    public int[] Starts => _starts;

    /// <summary>Every document's segment ordinals, one after another.</summary>
    public int[] Ords => _ords;

    /// <summary>
    /// For fields with few values (topic, category, year, has code): per segment ordinal, the bit set of the documents
    /// with that value. A broad search counts such a facet by intersecting its hits' bit set with each value's, a word
    /// at a time, instead of an increment per value per hit. Null for other fields.
    /// </summary>
    public ulong[][]? ValueBits { get; }

    /// <param name="reader">The segment.</param>
    /// <param name="field">A facet field (sorted-set doc values).</param>
    /// <param name="withValueBits">Also build <see cref="ValueBits"/> (when the segment has at most <see cref="MaxValuesWithBitSets"/> values).</param>
    public static SegmentFacetValues Build(AtomicReader reader, string field, bool withValueBits)
    {
        var values = reader.GetSortedSetDocValues(field);
        if (values is null || values.ValueCount == 0) return Empty;
        var starts = new int[reader.MaxDoc + 1];
        var ords = new List<int>(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = ords.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
        }
        starts[reader.MaxDoc] = ords.Count;
        var valueBits = withValueBits && values.ValueCount <= MaxValuesWithBitSets ? BuildValueBits(starts, ords, (int)values.ValueCount) : null;
        return new SegmentFacetValues(starts, [.. ords], (int)values.ValueCount, valueBits);
    }

    private static ulong[][] BuildValueBits(int[] starts, List<int> ords, int valueCount)
    {
        var words = (starts.Length - 1 + 63) / 64;
        var bits = new ulong[valueCount][];
        for (var ord = 0; ord < valueCount; ord++) bits[ord] = new ulong[words];
        for (var doc = 0; doc < starts.Length - 1; doc++)
        {
            for (var i = starts[doc]; i < starts[doc + 1]; i++) bits[ords[i]][doc >> 6] |= 1UL << doc;
        }
        return bits;
    }
}
