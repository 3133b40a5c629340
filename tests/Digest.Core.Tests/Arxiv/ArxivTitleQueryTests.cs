using Digest.Core.Arxiv;

namespace Digest.Core.Tests.Arxiv;

public class ArxivTitleQueryTests
{
    [Theory]
    [InlineData("Pointer Networks", "ti:\"Pointer Networks\"")]
    [InlineData("Mixture-of-Experts: Scaling (Sparse) Models!", "ti:\"Mixture of Experts Scaling Sparse Models\"")]
    [InlineData("Attention \"Is\" All You Need", "ti:\"Attention Is All You Need\"")]
    [InlineData("A\" OR au:\"Smith", "ti:\"A\" AND ti:\"au Smith\"")]
    [InlineData("To Be or Not To Be", "ti:\"To Be\" AND ti:\"To Be\"")]
    [InlineData("Cats AND Dogs ANDNOT Birds", "ti:\"Cats\" AND ti:\"Dogs\" AND ti:\"Birds\"")]
    [InlineData("Ünïcödé Tïtle 東京", "ti:\"Ünïcödé Tïtle 東京\"")]
    public void For_KeepsOnlyLettersDigitsAndSpaces_AndSplitsAtOperatorWords(string title, string expected) =>
        Assert.Equal(expected, ArxivTitleQuery.For(title));

    [Theory]
    [InlineData("")]
    [InlineData("\"()*:\\ -- ")]
    [InlineData("OR AND NOT")]
    public void For_TitleWithoutWords_IsNotSearched(string title) => Assert.Null(ArxivTitleQuery.For(title));

    [Fact]
    public void For_LongTitle_IsCutAtAWord_WithinTheCap()
    {
        var title = string.Join(' ', Enumerable.Repeat("widgets", 500));

        var query = ArxivTitleQuery.For(title)!;

        Assert.True(query.Length <= ArxivTitleQuery.MaxPhraseLength + "ti:\"\"".Length, $"{query.Length} characters");
        Assert.EndsWith("widgets\"", query);
    }

    [Fact]
    public void For_HostileText_NeverCarriesQuotesParenthesesOrColonsIntoThePhrase()
    {
        var query = ArxivTitleQuery.For("x\") OR (cat:* AND ti:\"%22 \\\" ' ; <script>")!;

        var inner = query.Replace("ti:\"", "", StringComparison.Ordinal).Replace("\" AND ", " ", StringComparison.Ordinal).TrimEnd('"');
        Assert.All(inner, c => Assert.True(char.IsLetterOrDigit(c) || c == ' ', $"'{c}' in {query}"));
    }
}
