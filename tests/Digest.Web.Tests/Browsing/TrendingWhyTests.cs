using Digest.Web.Browsing;

namespace Digest.Web.Tests.Browsing;

public sealed class TrendingWhyTests
{
    [Theory]
    [InlineData(4.04e-5, "0.0000404")]
    [InlineData(0.0451234, "0.0451")]
    [InlineData(0.404, "0.404")]
    [InlineData(12.345, "12.3")]
    [InlineData(1_234.4, "1234")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "0")]
    public void Score_HasThreeSignificantDigits_AndNoExponent(double score, string shown) =>
        Assert.Equal(shown, TrendingWhy.Score(score));
}
