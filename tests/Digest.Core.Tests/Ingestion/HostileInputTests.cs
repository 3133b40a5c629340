using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

/// <summary>Input an attacker or a broken tool could produce, for every format: the parser answers with values, never throws.</summary>
public class HostileInputTests
{
    public static TheoryData<SourceFormat> Formats() => [.. Enum.GetValues<SourceFormat>()];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_EmptyFile_IsOneRejectionAtPositionZero(SourceFormat format)
    {
        var rejection = Assert.Single(Parse(PaperParsers.For(format), ""));

        Assert.Equal(0, rejection.Position);
        Assert.StartsWith("not ", rejection.Problem);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_BinaryJunk_IsOneRejectionAtPositionZero(SourceFormat format)
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0;

        var rejection = Assert.Single(ParseBytes(PaperParsers.For(format), bytes));

        Assert.Equal(0, rejection.Position);
        Assert.StartsWith("not ", rejection.Problem);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_FileOverTheSizeLimit_IsRejectedNamingTheLimit(SourceFormat format)
    {
        var text = format switch
        {
            SourceFormat.HuggingFaceDaily => Fixture("hf-daily.json"),
            SourceFormat.ArxivAtom => Fixture("arxiv-atom.xml"),
            SourceFormat.ArxivOai => Fixture("oai-arxivraw.xml"),
            SourceFormat.JsonLines => string.Concat(Enumerable.Repeat("{\"title\": \"" + new string('x', 100) + "\"}\n", 100)),
            SourceFormat.ArxivSnapshot => Fixture("arxiv-snapshot.jsonl"),
            _ => File.ReadAllText(SharedDataFile("sample-digest.txt")),
        };
        var limits = new IngestLimits { MaxFileBytes = 1_000 };

        var rejections = Parse(PaperParsers.For(format), text, Context(year: 2024, limits: limits)).Rejections();

        Assert.Contains(rejections, r => r.Problem!.Contains("limit", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(SourceFormat.ArxivAtom, "feed xmlns=\"http://www.w3.org/2005/Atom\"")]
    [InlineData(SourceFormat.ArxivOai, "OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"")]
    public void Parse_BillionLaughs_IsRefusedWithoutExpandingEntities(SourceFormat format, string root)
    {
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <{root}><entry><title>&lol9;</title></entry></{root.Split(' ')[0]}>
            """;

        var rejection = Assert.Single(Parse(PaperParsers.For(format), xml));

        Assert.Equal(0, rejection.Position);
        Assert.Contains("XML with a DTD (<!DOCTYPE>) is refused", rejection.Problem);
    }

    [Theory]
    [InlineData(SourceFormat.ArxivAtom)]
    [InlineData(SourceFormat.ArxivOai)]
    public void Parse_ExternalEntity_IsRefusedWithoutReadingTheFile(SourceFormat format)
    {
        var secret = Path.Combine(Path.GetTempPath(), $"digest-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE feed [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2403.00001</id><title>&xxe;</title></entry></feed>
                """;

            var items = Parse(PaperParsers.For(format), xml);

            var rejection = Assert.Single(items);
            Assert.Equal(0, rejection.Position);
            Assert.Contains("DTD", rejection.Problem);
            Assert.DoesNotContain("TOP-SECRET", rejection.Problem);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Parse_InvalidUtf8InJsonLines_DropsTheBadBytesAndKeepsTheRecord()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"title\": \"Caf\u00e9 X\"}\n{\"title\": \"Good\"}\n");
        bytes[bytes.AsSpan().IndexOf((byte)0xC3) + 1] = 0xFF; // 'é' becomes an invalid sequence

        var items = ParseBytes(new JsonLinesParser(), bytes);

        Assert.Equal(2, items.Papers().Count);
        var (paper, problem) = PaperValidator.Validate(items[0].Paper!, new IngestLimits());
        Assert.Null(problem);
        Assert.DoesNotContain('\uFFFD', paper!.Title);
        Assert.StartsWith("Caf", paper.Title);
        Assert.EndsWith(" X", paper.Title);
    }

    [Fact]
    public void Parse_InvalidUtf8InDigestText_KeepsThePaper()
    {
        var bytes = Encoding.UTF8.GetBytes("Mar 11\n\nBad \u00e9 Title\n\n" + DigestTextParserTests.LongAbstract + "\n");
        bytes[bytes.AsSpan().IndexOf((byte)0xA9)] = 0xFF;

        var paper = Assert.Single(ParseBytes(new DigestTextParser(), bytes, Context(year: 2024))).Paper!;

        Assert.Equal("Bad Title", PaperValidator.Validate(paper, new IngestLimits()).Paper!.Title);
    }

    [Fact]
    public void Validate_JsonLinesTitleOf100kCharacters_IsRejectedNamingTheLimit()
    {
        var text = "{\"title\": \"" + new string('a', 100_000) + "\"}\n{\"title\": \"Fine\"}\n";

        var papers = Parse(new JsonLinesParser(), text).Papers();
        var results = papers.Select(p => PaperValidator.Validate(p, new IngestLimits())).ToList();

        Assert.Equal("title is 100000 characters; the limit is 1000", results[0].Problem);
        Assert.Equal("Fine", results[1].Paper?.Title);
    }

    [Fact]
    public void Validate_AtomAbstractOver20kCharacters_IsRejectedNamingTheLimit()
    {
        var feed = $"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2403.00001v1</id><title>T</title><summary>{new string('b', 30_000)}</summary></entry></feed>""";

        var paper = Assert.Single(Parse(new ArxivAtomParser(), feed)).Paper!;

        Assert.Equal("abstract is 30000 characters; the limit is 20000", PaperValidator.Validate(paper, new IngestLimits()).Problem);
    }

    [Fact]
    public void Validate_HuggingFaceWithTooManyKeywords_IsRejectedNamingTheLimit()
    {
        var keywords = string.Join(",", Enumerable.Range(0, 150).Select(i => $"\"k{i}\""));
        var json = $$$"""[{"paper": {"id": "2403.00001", "title": "T", "ai_keywords": [{{{keywords}}}]}}]""";

        var paper = Assert.Single(Parse(new HuggingFaceDailyParser(), json)).Paper!;

        Assert.Equal("150 keyword values; the limit is 100", PaperValidator.Validate(paper, new IngestLimits()).Problem);
    }

    [Fact]
    public void Parse_DigestTitleOf100kCharacters_IsRejectedAsAParagraphWithoutTitle()
    {
        var text = "Mar 11\n\n" + new string('t', 100_000) + "\n\nGood Title\n\n" + DigestTextParserTests.LongAbstract + "\n";

        var items = Parse(new DigestTextParser(), text, Context(year: 2024));

        Assert.Equal((3, "a paragraph of 100000 characters with no title line before it"), (items[0].Position, items[0].Problem));
        Assert.Equal("Good Title", items[1].Paper?.Title);
    }

    [Theory]
    [InlineData(SourceFormat.ArxivAtom, """<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>""")]
    [InlineData(SourceFormat.ArxivOai, """<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords/></OAI-PMH>""")]
    [InlineData(SourceFormat.HuggingFaceDaily, "[]")]
    public void Parse_OnlyTheEnvelope_YieldsNothing(SourceFormat format, string text)
    {
        Assert.Empty(Parse(PaperParsers.For(format), text));
    }

    [Fact]
    public void Parse_HeaderOnlyJsonLinesFile_IsNotJsonLines()
    {
        var rejection = Assert.Single(Parse(new JsonLinesParser(), "arxiv_id,title,abstract\n"));

        Assert.Equal((0, "not JSON Lines: line 1 does not start with '{'"), (rejection.Position, rejection.Problem));
    }
}
