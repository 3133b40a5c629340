using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class PaperJsonLinesWriterTests
{
    private static readonly Paper Full = new()
    {
        Id = "2403.01234",
        ArxivId = "2403.01234",
        Title = "Über <script>alert('x')</script> \"Quotes\" & 論文 — 🚀",
        Abstract = "Line one\nline two\twith a tab, a backslash \\ and </script><!-- a comment -->",
        Authors = ["Ada Lovelace", "Émile Borel", "O'Brien, Jr."],
        Published = new DateOnly(2024, 3, 2),
        Revised = new DateOnly(2024, 3, 9),
        DigestDays = [new DateOnly(2024, 3, 11), new DateOnly(2024, 3, 12)],
        Categories = ["cs.CL", "cs.LG"],
        Keywords = ["long context", "sparse attention"],
        CodeUrls = ["https://github.com/example/sparse-attn"],
        ProjectUrl = "https://example.org/project?a=1&b=2",
        Doi = "10.1000/sparse.2024.1",
        JournalRef = "J. <Sparse> & \"Dense\" 1 (2024) 2",
        Comments = "12 pages\nno, 13",
        ReportNumber = "REP-2024-01",
        License = "http://creativecommons.org/licenses/by/4.0/",
        Upvotes = 42,
        Topics = ["nlp", "efficiency"],
        Sources = ["hf-daily", "jsonl"],
        FirstSeen = new DateTimeOffset(2024, 3, 11, 8, 30, 15, 123, TimeSpan.Zero).AddTicks(4567),
        UpdatedAt = new DateTimeOffset(2024, 3, 12, 9, 0, 0, TimeSpan.FromHours(2)),
    };

    private static readonly Paper Sparse = new() { Id = PaperId.FromTitle("Only a title"), Title = "Only a title", Sources = ["jsonl"] };

    [Fact]
    public void Export_ThenParse_RoundTripsEveryField()
    {
        using var writer = new StringWriter();
        PaperJsonLinesWriter.Write(writer, [Full, Sparse]);

        var items = Parse(new JsonLinesParser(), writer.ToString());

        Assert.Empty(items.Rejections());
        Assert.Equal([1, 2], items.Select(i => i.Position));
        AssertSamePaper(Full, items[0].Paper!);
        AssertSamePaper(Sparse, items[1].Paper!);
    }

    [Fact]
    public void Parse_ExportFromAnotherSource_AddsItsOwnFormatToTheSources()
    {
        var line = PaperJsonLinesWriter.ToLine(Full with { Sources = ["digest-text"] });

        var paper = Assert.Single(Parse(new JsonLinesParser(), line)).Paper!;

        Assert.Equal(["digest-text", "jsonl"], paper.Sources);
    }

    [Fact]
    public void ToLine_WritesOneLineWithSnakeCaseKeysInOrderAndEscapedMarkup()
    {
        var line = PaperJsonLinesWriter.ToLine(Full);

        Assert.EndsWith("\n", line);
        Assert.Equal(1, line.Count(c => c == '\n'));
        string[] keys = ["id", "arxiv_id", "title", "abstract", "authors", "published", "revised", "digest_days", "categories",
            "keywords", "code_urls", "project_url", "doi", "upvotes", "topics", "sources", "first_seen", "updated_at"];
        var positions = keys.Select(k => line.IndexOf($"\"{k}\":", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("<script>", line);
        Assert.Contains("論文", line);
        Assert.Contains("\"published\":\"2024-03-02\"", line);
        Assert.Contains("\"updated_at\":\"2024-03-12T07:00:00Z\"", line);
        Assert.Contains("\"first_seen\":\"2024-03-11T08:30:15.1234567Z\"", line);
    }

    [Fact]
    public async Task WriteAsync_WritesEveryPaper()
    {
        using var writer = new StringWriter();

        await PaperJsonLinesWriter.WriteAsync(writer, new[] { Full, Sparse }.ToAsyncEnumerable(), CancellationToken.None);

        Assert.Equal(2, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
