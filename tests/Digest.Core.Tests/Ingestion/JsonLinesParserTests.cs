using System.Diagnostics;
using Digest.Core.Ingestion.Parsers;
using Xunit.Abstractions;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class JsonLinesParserTests(ITestOutputHelper output)
{
    private readonly JsonLinesParser _parser = new();

    [Fact]
    public void Parse_PapersDev_AcceptsAll19278Lines()
    {
        var watch = Stopwatch.StartNew();
        using var reader = new StreamReader(SharedDataFile("papers-dev.jsonl"));

        var items = _parser.Parse(reader, Context()).ToList();

        watch.Stop();
        output.WriteLine($"papers-dev.jsonl parsed in {watch.ElapsedMilliseconds} ms");
        Assert.Empty(items.Rejections());
        Assert.Equal(19_278, items.Count);
        Assert.Equal(Enumerable.Range(1, 19_278), items.Select(i => i.Position));
        var first = items[0].Paper!;
        Assert.Equal("2210.12590", first.ArxivId);
        Assert.Equal("Meta-Reinforcement Learning for Building Energy Management System", first.Title);
        Assert.Equal(["jsonl"], first.Sources);
        Assert.All(items, i => Assert.NotEmpty(i.Paper!.Authors));
        Assert.Equal(189, items.Count(i => i.Paper!.Published is null));
    }

    [Fact]
    public void Parse_BadLines_AreRejectedWithLineNumbersAndTheRestAccepted()
    {
        var text = string.Join("\n",
            """{"arxiv_id": "2403.00001", "title": "Good one", "authors": ["A"], "published": "2024-03-01", "categories": ["cs.LG"], "source": "x/y"}""",
            "",
            """{"arxiv_id": "2403.00002", "title": "Cut off""",
            """{"arxiv_id": "2403.00003", "title": ["not", "a", "string"]}""",
            """{"arxiv_id": "2403.00004", "abstract": "no title"}""",
            """{"title": "Bad authors", "authors": ["A", 7]}""",
            """{"title": "Bad date", "published": "03/01/2024"}""",
            """[1, 2, 3]""",
            "   ",
            """{"arxiv_id": null, "title": "Good two", "published": null}""");

        var items = Parse(_parser, text);

        Assert.Equal([1, 3, 4, 5, 6, 7, 8, 10], items.Select(i => i.Position));
        Assert.Equal(["Good one", "Good two"], items.Papers().Select(p => p.Title));
        Assert.StartsWith("invalid JSON at character", items[1].Problem);
        Assert.Equal("'title' must be a string, not an array", items[2].Problem);
        Assert.Equal("missing 'title'", items[3].Problem);
        Assert.Equal("'authors[1]' must be a string, not a number", items[4].Problem);
        Assert.Equal("'published' is '03/01/2024', not a date (YYYY-MM-DD)", items[5].Problem);
        Assert.Equal("line is not a JSON object", items[6].Problem);
        Assert.StartsWith("t-", items[7].Paper!.Id);
    }

    [Fact]
    public void Parse_DeeplyNestedLine_IsRejectedAndTheNextLineAccepted()
    {
        // An unknown key is skipped, not read, so this is the reader's depth limit at work.
        var text = "{\"extra\": " + new string('[', 50_000) + new string(']', 50_000) + ", \"title\": \"x\"}\n{\"title\": \"After\"}\n";

        var items = Parse(_parser, text);

        Assert.Equal(1, items[0].Position);
        Assert.Contains("depth", items[0].Problem);
        Assert.Equal("After", items[1].Paper?.Title);
    }

    [Fact]
    public void Parse_DevShapeWithBomAndCrlf_ReadsTheFields()
    {
        var text = "\uFEFF{\"arxiv_id\": \"2506.18421\", \"title\": \"T\", \"abstract\": \"A\", \"authors\": [\"X Y\"], \"published\": \"2025-06-23\", \"categories\": [\"cs.RO\", \"cs.AI\"], \"source\": \"shiyibihua/arxiv-daily\"}\r\n";

        var paper = Assert.Single(Parse(_parser, text)).Paper!;

        Assert.Equal("2506.18421", paper.Id);
        Assert.Equal(new DateOnly(2025, 6, 23), paper.Published);
        Assert.Equal(["cs.RO", "cs.AI"], paper.Categories);
        Assert.Equal("A", paper.Abstract);
    }

    [Fact]
    public void Parse_OverlongFile_StopsAtTheLimitWithARejection()
    {
        var line = "{\"title\": \"" + new string('x', 2_000) + "\"}\n";
        var limits = new Digest.Core.Configuration.IngestLimits { MaxFileBytes = 100_000 };

        var items = Parse(_parser, string.Concat(Enumerable.Repeat(line, 200)), Context(limits: limits));

        var rejection = Assert.Single(items.Rejections());
        Assert.Contains("limit of 100000", rejection.Problem);
        Assert.True(items.Papers().Count < 50);
    }
}
