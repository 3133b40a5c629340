using Digest.Core.Text;

namespace Digest.Core.Tests.Text;

public class TextShorteningTests
{
    [Fact]
    public void ShortText_IsKept_WithItsWhiteSpaceCollapsed() =>
        Assert.Equal("Pointer networks learn to point.", TextShortening.ShortenAtWord("  Pointer\nnetworks \t learn to point. ", 155));

    [Fact]
    public void LongText_IsCutAtTheLastWholeWord()
    {
        Assert.Equal("We introduce a new…", TextShortening.ShortenAtWord("We introduce a new architecture, pointer networks.", 22));
        Assert.Equal("We introduce a new architecture…", TextShortening.ShortenAtWord("We introduce a new architecture, pointer networks.", 32));
    }

    [Fact]
    public void OneLongWord_IsCutWhereItMust() =>
        Assert.Equal("ab https://exa…", TextShortening.ShortenAtWord("ab https://example.org/a/very/long/link", 14));

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        var text = new string('a', 9) + "😀" + new string('b', 20);
        var cut = TextShortening.ShortenAtWord(text, 10);
        Assert.Equal(new string('a', 9) + TextShortening.Ellipsis, cut);
    }
}
