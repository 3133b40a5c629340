namespace Digest.Core.Trending;

/// <summary>
/// A hit kept by <see cref="TrendingCollector"/>: its score, when it appeared (Unix seconds), and its id, both as the
/// ordinal within its segment (cheap to compare with hits of the same segment) and as text (for hits of other segments).
/// </summary>
internal readonly record struct TrendingHit(double Score, long Appeared, int Segment, int IdOrd, string Id, int Doc)
{
    /// <summary>The heap's order: the hit that would be shown last comes first.</summary>
    public static readonly IComparer<TrendingHit> ShownLastFirst = Comparer<TrendingHit>.Create(static (a, b) => CompareShown(b, a));

    /// <summary>Negative when <paramref name="a"/> is shown before <paramref name="b"/>: higher score, then newer, then smaller id.</summary>
    public static int CompareShown(in TrendingHit a, in TrendingHit b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0) return byScore;
        var byAge = b.Appeared.CompareTo(a.Appeared);
        if (byAge != 0) return byAge;
        return a.Segment == b.Segment ? a.IdOrd.CompareTo(b.IdOrd) : string.CompareOrdinal(a.Id, b.Id);
    }
}
