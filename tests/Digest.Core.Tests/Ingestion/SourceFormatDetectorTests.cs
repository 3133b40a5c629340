using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class SourceFormatDetectorTests
{
    [Theory]
    [InlineData("hf-daily.json", SourceFormat.HuggingFaceDaily)]
    [InlineData("arxiv-atom.xml", SourceFormat.ArxivAtom)]
    [InlineData("arxiv-atom-error.xml", SourceFormat.ArxivAtom)]
    [InlineData("oai-arxivraw.xml", SourceFormat.ArxivOai)]
    [InlineData("oai-arxiv.xml", SourceFormat.ArxivOai)]
    public void Detect_Fixture_FindsItsFormat(string fixture, SourceFormat expected)
    {
        Assert.Equal(expected, SourceFormatDetector.Detect(Fixture(fixture)));
    }

    [Fact]
    public async Task Detect_SharedFiles_FindsDigestTextAndJsonLinesFromTheirHeads()
    {
        await using var digest = File.OpenRead(SharedDataFile("sample-digest.txt"));
        await using var jsonl = File.OpenRead(SharedDataFile("papers-dev.jsonl"));

        Assert.Equal(SourceFormat.DigestText, SourceFormatDetector.Detect(await SourceFormatDetector.ReadHeadAsync(digest)));
        Assert.Equal(SourceFormat.JsonLines, SourceFormatDetector.Detect(await SourceFormatDetector.ReadHeadAsync(jsonl)));
    }

    [Theory]
    [InlineData("\uFEFF  \r\n {\"title\": \"x\"}", SourceFormat.JsonLines)]
    [InlineData("\n\n  [ {\"paper\": {\"id\": \"2403.00001\"}} ]", SourceFormat.HuggingFaceDaily)]
    [InlineData("\uFEFF<?xml version=\"1.0\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">", SourceFormat.ArxivOai)]
    [InlineData("Mar 11\n\nSome Title\n\nSome abstract.", SourceFormat.DigestText)]
    [InlineData("A Short Title\n\nA long abstract paragraph that goes on, as abstracts do, well past the length of any reasonable title line on a digest page, and then some more words to make sure of it: it easily passes three hundred characters because it keeps describing the method, the data, the experiments and the results in one long paragraph of prose.", SourceFormat.DigestText)]
    public void Detect_BomWhitespaceAndVariants_AreIgnored(string head, SourceFormat expected)
    {
        Assert.Equal(expected, SourceFormatDetector.Detect(head));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2, 3]")]
    [InlineData("<html><body>hello</body></html>")]
    [InlineData("just one line of text")]
    [InlineData("GIF89a\0\0\u0001\u0002")]
    public void Detect_UnknownOrBinary_IsNull(string head)
    {
        Assert.Null(SourceFormatDetector.Detect(head));
    }

    [Fact]
    public async Task Detect_RandomBytes_IsNull()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        await using var stream = new MemoryStream(bytes);

        Assert.Null(SourceFormatDetector.Detect(await SourceFormatDetector.ReadHeadAsync(stream)));
    }

    [Fact]
    public void PaperParsers_HaveOneParserForEveryFormat()
    {
        Assert.Equal(Enum.GetValues<SourceFormat>().Order(), PaperParsers.All.Select(p => p.Format).Order());
        Assert.All(Enum.GetValues<SourceFormat>(), format => Assert.Equal(format, PaperParsers.For(format).Format));
    }
}
