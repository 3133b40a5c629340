using Digest.Core.Indexing;

namespace Digest.Core.Tests.Indexing;

public sealed class StemMemoTests
{
    [Fact]
    public void Find_ReturnsWhatWasAdded_AndNullForOtherWords()
    {
        var memo = new StemMemo();
        memo.Add("learning", "learn");
        memo.Add("models", "model");

        Assert.Equal("learn", memo.Find("learning"));
        Assert.Equal("model", memo.Find("models".AsSpan()));
        Assert.Null(memo.Find("learn"));
        Assert.Null(memo.Find(""));
        Assert.Equal(2, memo.Count);
    }

    [Fact]
    public void Add_OfAKnownWord_KeepsOneEntry()
    {
        var memo = new StemMemo();
        memo.Add("networks", "network");
        memo.Add("networks", "network");

        Assert.Equal(1, memo.Count);
        Assert.Equal("network", memo.Find("networks"));
    }

    [Fact]
    public void Add_StopsAtCapacity_AndEveryKeptWordStaysFindable()
    {
        var memo = new StemMemo();
        var words = Enumerable.Range(0, StemMemo.Capacity + 5_000).Select(i => $"w{i}").ToList();
        foreach (var word in words) memo.Add(word, word + "-stem");

        Assert.InRange(memo.Count, StemMemo.Capacity - 1_000, StemMemo.Capacity);
        var kept = words.Count(w => memo.Find(w) is { } stem && Assert.IsType<string>(stem) == w + "-stem");
        Assert.Equal(memo.Count, kept);
    }

    [Fact]
    public void ConcurrentAdds_OfOverlappingWords_LoseNoneAndMixNone()
    {
        var memo = new StemMemo();
        var words = Enumerable.Range(0, 50_000).Select(i => $"term{i % 20_000}x{i % 7}").Distinct().ToArray();

        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < words.Length; i++)
            {
                var word = words[(i * 31 + worker * 7_919) % words.Length];
                memo.Add(word, word.ToUpperInvariant());
            }
        });

        Assert.Equal(words.Length, memo.Count);
        Assert.All(words, word => Assert.Equal(word.ToUpperInvariant(), memo.Find(word)));
    }
}
