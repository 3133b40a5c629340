using Digest.Web.Browsing;

namespace Digest.Web.Tests.Browsing;

public class QueryValueTests
{
    [Theory]
    [InlineData("cs.LG")]
    [InlineData("computer-vision")]
    [InlineData("2024")]
    [InlineData("language models")]
    [InlineData("  padded  words ")]
    [InlineData("Grace Hopper")]
    [InlineData("title:survey")]
    [InlineData("\"large language models\"")]
    [InlineData("a&b=c+d%20e/f?g#h")]
    [InlineData("tilde~under_score.dot-dash")]
    [InlineData("Müller café 日本語")]
    [InlineData("emoji 🦀 and a lone \ud800 surrogate")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("tab\tand\nnewline")]
    [InlineData("")]
    public void Escape_IsEscapeDataString_WithPlusForSpaces(string value)
    {
        Assert.Equal(Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal), QueryValue.Escape(value));
    }

    [Fact]
    public void Escape_MatchesEscapeDataString_ForEveryAsciiCharacter()
    {
        for (var c = (char)0; c < 128; c++)
        {
            var value = "a" + c + "b";
            Assert.Equal(Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal), QueryValue.Escape(value));
        }
    }
}
