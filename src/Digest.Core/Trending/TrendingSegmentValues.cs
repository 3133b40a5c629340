using Digest.Core.Indexing;
using Lucene.Net.Index;

namespace Digest.Core.Trending;

/// <summary>
/// What the trending score reads of each document of one segment, copied out of its doc values into arrays once (see
/// <see cref="TrendingValues"/> for why). A segment's values never change, so the arrays live as long as its core.
/// 16 bytes a document.
/// </summary>
internal sealed class TrendingSegmentValues
{
    private TrendingSegmentValues(int[] votes, int[] appearances, long[] appeared)
    {
        Votes = votes;
        Appearances = appearances;
        Appeared = appeared;
    }

    /// <summary>Every vote the score counts, by segment document number.</summary>
    public int[] Votes { get; }

    /// <summary>Digest appearances, by segment document number.</summary>
    public int[] Appearances { get; }

    /// <summary>When the paper appeared, Unix seconds, by segment document number.</summary>
    public long[] Appeared { get; }

    public static TrendingSegmentValues Build(AtomicReader segment)
    {
        var size = segment.MaxDoc;
        int[] votes = new int[size], appearances = new int[size];
        var appeared = new long[size];
        var votesValues = segment.GetNumericDocValues(PaperFields.Votes);
        var appearancesValues = segment.GetNumericDocValues(PaperFields.Appearances);
        var appearedValues = segment.GetNumericDocValues(PaperFields.Appeared);
        for (var doc = 0; doc < size; doc++)
        {
            votes[doc] = (int)(votesValues?.Get(doc) ?? 0);
            appearances[doc] = (int)(appearancesValues?.Get(doc) ?? 0);
            appeared[doc] = appearedValues?.Get(doc) ?? 0;
        }
        return new TrendingSegmentValues(votes, appearances, appeared);
    }
}
