using Digest.Core.Arxiv;

namespace Digest.Core.Tests.Arxiv;

public class ArxivIdInputTests
{
    [Theory]
    [InlineData("2403.01234", "2403.01234")]
    [InlineData("  2403.01234v2  ", "2403.01234")]
    [InlineData("arXiv:2403.01234", "2403.01234")]
    [InlineData("ARXIV:2403.01234v3", "2403.01234")]
    [InlineData("2403.0123", "2403.0123")]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("HEP-TH/9901001v1", "hep-th/9901001")]
    [InlineData("math.GT/0309136", "math.gt/0309136")]
    [InlineData("https://arxiv.org/abs/2403.01234", "2403.01234")]
    [InlineData("http://arxiv.org/abs/2403.01234v2", "2403.01234")]
    [InlineData("https://www.arxiv.org/abs/2403.01234", "2403.01234")]
    [InlineData("https://export.arxiv.org/abs/2403.01234", "2403.01234")]
    [InlineData("https://arxiv.org/pdf/2403.01234", "2403.01234")]
    [InlineData("https://arxiv.org/pdf/2403.01234v2.pdf", "2403.01234")]
    [InlineData("https://arxiv.org/html/2403.01234v1", "2403.01234")]
    [InlineData("https://arxiv.org/abs/2403.01234?context=cs.LG", "2403.01234")]
    [InlineData("https://arxiv.org/abs/2403.01234#S2", "2403.01234")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001")]
    [InlineData("arxiv.org/abs/2403.01234", "2403.01234")]
    [InlineData("www.arxiv.org/pdf/2403.01234.pdf", "2403.01234")]
    public void Parse_AcceptedForms_GiveTheVersionlessId(string text, string expected)
    {
        var parsed = ArxivIdInput.Parse(text);

        Assert.True(parsed.Succeeded, parsed.Problem);
        Assert.Equal(expected, parsed.ArxivId);
        Assert.Null(parsed.Problem);
    }

    [Theory]
    [InlineData(null, "Enter an arXiv id")]
    [InlineData("   ", "Enter an arXiv id")]
    [InlineData("hello world", "not an arXiv id")]
    [InlineData("2413.01234", "not an arXiv id")]
    [InlineData("2400.01234", "not an arXiv id")]
    [InlineData("24031234", "not an arXiv id")]
    [InlineData("2403.012345678", "not an arXiv id")]
    [InlineData("٢٤٠٣.٠١٢٣٤", "not an arXiv id")]
    [InlineData("2403.01234 OR 1=1", "not an arXiv id")]
    [InlineData("2403.01234\"); DROP TABLE submissions;--", "not an arXiv id")]
    [InlineData("https://evil.example/abs/2403.01234", "Only arxiv.org links")]
    [InlineData("https://arxiv.org.evil.example/abs/2403.01234", "Only arxiv.org links")]
    [InlineData("https://arxiv.org/list/cs.LG/recent", "not an arXiv id")]
    [InlineData("ftp://arxiv.org/abs/2403.01234", "not an arXiv id")]
    [InlineData("javascript:alert(1)", "not an arXiv id")]
    [InlineData("2403.01234\n2403.05678", "control characters")]
    [InlineData("2403.01234\u0000", "control characters")]
    public void Parse_AnythingElse_IsRefusedWithAMessage(string? text, string message)
    {
        var parsed = ArxivIdInput.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Null(parsed.ArxivId);
        Assert.Contains(message, parsed.Problem);
    }

    [Fact]
    public void Parse_OversizedInput_IsRefusedBeforeMatching()
    {
        var parsed = ArxivIdInput.Parse("https://arxiv.org/abs/2403.01234?" + new string('a', 1_000_000));

        Assert.False(parsed.Succeeded);
        Assert.Contains($"longer than {ArxivIdInput.MaxLength}", parsed.Problem);
    }
}
