using Digest.Core.Text;

namespace Digest.Core.Tests.Text;

public class CountPhraseTests
{
    [Theory]
    [InlineData(0, "0 papers")]
    [InlineData(1, "1 paper")]
    [InlineData(2, "2 papers")]
    [InlineData(12345, "12,345 papers")]
    public void Count_TakesTheNounInTheRightNumber(long count, string expected) =>
        Assert.Equal(expected, CountPhrase.Of(count, "paper"));

    [Fact]
    public void IrregularPlural_IsUsedAsGiven()
    {
        Assert.Equal("1 query", CountPhrase.Of(1, "query", "queries"));
        Assert.Equal("3 queries", CountPhrase.Of(3, "query", "queries"));
        Assert.Equal("1 new paper", CountPhrase.Of(1, "new paper"));
        Assert.Equal("digest days", CountPhrase.Noun(7, "digest day"));
    }
}
