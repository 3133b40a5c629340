using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

/// <summary>Defects the parser fuzz drill (<see cref="Fuzzing.ParserFuzzTests"/>) found, each pinned by its smallest input.</summary>
public class FuzzFindingsTests
{
    [Fact]
    public void HuggingFaceDaily_EscapedHalfSurrogate_RejectsTheItemNamingTheField()
    {
        var items = Parse(new HuggingFaceDailyParser(), """[{"paper": {"id": "2502.17823", "title": "\ud800 title"}}, {"paper": {"title": "Fine", "authors": ["\udc00Hui"]}}, {"paper": {"title": "Good"}}]""");

        Assert.Equal("'paper.title' is not valid text: it escapes half of a surrogate pair (\\uD800-\\uDFFF)", items[0].Problem);
        Assert.Equal("'paper.authors[0]' is not valid text: it escapes half of a surrogate pair (\\uD800-\\uDFFF)", items[1].Problem);
        Assert.Equal("Good", items[2].Paper!.Title);
    }

    [Fact]
    public void JsonLines_EscapedHalfSurrogate_RejectsTheLineNamingTheField()
    {
        var items = Parse(new JsonLinesParser(), "{\"title\": \"ok\", \"authors\": [\"A\", \"\\udc00\"]}\n{\"\\ud800\": 1, \"title\": \"x\"}\n{\"title\": \"Good\"}\n");

        Assert.Equal("'authors[1]' is not valid text: it escapes half of a surrogate pair (\\uD800-\\uDFFF)", items[0].Problem);
        Assert.Equal("'property name' is not valid text: it escapes half of a surrogate pair (\\uD800-\\uDFFF)", items[1].Problem);
        Assert.Equal("Good", items[2].Paper!.Title);
    }

    [Fact]
    public void DigestText_DateLineWithOtherScriptsDigits_IsNotADateLine()
    {
        var items = Parse(new DigestTextParser(), "Mar 11\n\nMar ١١\n\nWe study things. At length.\n");

        var paper = Assert.Single(items.Papers());
        Assert.Equal("Mar ١١", paper.Title);
        Assert.Equal([new DateOnly(2024, 3, 11)], paper.DigestDays);
    }

    [Theory]
    [InlineData("٢٥٠٢.١٧٨٢٣")]
    [InlineData("arXiv:2502.١٧٨٢٣")]
    [InlineData("hep-th/٩٩٠١٠٠١")]
    public void ArxivId_WithOtherScriptsDigits_IsNotAnArxivId(string text)
    {
        Assert.Null(PaperId.TryParseArxiv(text));
    }

    [Fact]
    public void TitleKey_WithHalvesOfSurrogatePairsOrNoncharacters_DropsThemInsteadOfThrowing()
    {
        Assert.Equal("abcd", PaperId.TitleKey("A\uD800b\uDC00C\uFFFEd\uFFFF"));
    }

    [Fact]
    public void DigestText_Utf8FileBehindAUtf16ByteOrderMark_IsReadWithoutThrowing()
    {
        // Read as UTF-16 (the byte-order mark says so), the bytes FE FF are U+FFFE, a noncharacter.
        byte[] bytes = [0xFF, 0xFE, 0xFE, 0xFF, .. "A title here"u8];

        var paper = Assert.Single(ParseBytes(new DigestTextParser(), bytes).Papers());

        Assert.Contains('\uFFFE', paper.Title);
    }
}
