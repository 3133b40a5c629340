using System.Text;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Core.Tests.Ingestion;

public class TexIngestTests
{
    private const string Title = @"On the {K}ekul\'e structure of Gr\""obner bases";
    private const string Abstract = @"Stra{\ss}e \& Bal\'azs show that $\alpha + \beta$ bounds it~--- see https://example.org/~k/code.";

    private static string OaiRecord(string id = "0704.0001", string title = Title) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <ListRecords>
        <record>
        <header><identifier>oai:arXiv.org:{{id}}</identifier><datestamp>2008-11-13</datestamp></header>
        <metadata>
        <arXiv xmlns="http://arxiv.org/OAI/arXiv/">
        <id>{{id}}</id><created>2007-04-02</created>
        <authors>
        <author><keyname>Bal\'azs</keyname><forenames>C.</forenames></author>
        <author><keyname>Berger</keyname><forenames>E. L.</forenames></author>
        </authors>
        <title>{{title}}</title>
        <categories>math.AC</categories>
        <abstract>{{System.Security.SecurityElement.Escape(Abstract)}}</abstract>
        </arXiv>
        </metadata>
        </record>
        </ListRecords>
        </OAI-PMH>
        """;

    [Fact]
    public async Task OaiRecordWithTex_IsStoredAsUnicode_WithTheOriginalKept()
    {
        using var harness = new IngestHarness();

        var report = await harness.IngestTextAsync("oai.xml", OaiRecord());
        Assert.True(report.Added == 1, report.ToText());

        var paper = (await harness.Data.Store.GetAsync("0704.0001"))!;
        Assert.Equal("On the Kekulé structure of Gröbner bases", paper.Title);
        Assert.Equal(["C. Balázs", "E. L. Berger"], paper.Authors);
        Assert.Equal(@"Straße & Balázs show that $\alpha + \beta$ bounds it — see https://example.org/~k/code.", paper.Abstract);
        Assert.Equal(Title, paper.TexSource!.Title);
        Assert.Equal(Abstract, paper.TexSource.Abstract);
        Assert.Equal([@"C. Bal\'azs", "E. L. Berger"], paper.TexSource.Authors);
    }

    [Fact]
    public async Task TitleWithoutTex_KeepsNoTitleOriginal()
    {
        using var harness = new IngestHarness(ownsIndex: false);

        await harness.IngestTextAsync("oai.xml", OaiRecord(title: "Plain title, state-of-the-art"));

        var paper = (await harness.Data.Store.GetAsync("0704.0001"))!;
        Assert.Equal("Plain title, state-of-the-art", paper.Title);
        Assert.Null(paper.TexSource!.Title);
        Assert.NotNull(paper.TexSource.Abstract);
    }

    [Theory]
    [InlineData("Kekulé")]
    [InlineData("kekule")]
    [InlineData("kekulé")]
    [InlineData("Gröbner")]
    [InlineData("Balázs")]
    [InlineData("Straße")]
    public async Task OaiRecordWithTex_IsFoundByTheUnicodeWord(string query)
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("oai.xml", OaiRecord());
        var search = new SearchService(harness.Index!, NullLogger<SearchService>.Instance, new SearchLimits());

        var response = search.Search(new SearchRequest { Query = query });

        Assert.Equal(["0704.0001"], response.Results.Select(r => r.Id));
        Assert.Contains("Kekulé", response.Results[0].Title);
    }

    [Fact]
    public async Task Export_IngestedIntoAFreshStore_ExportsByteIdentical_WithTheTexOriginalKept()
    {
        // One clock for all three stores: the export carries when each stored the paper.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var first = new IngestHarness(ownsIndex: false, time: clock);
        await first.IngestTextAsync("oai.xml", OaiRecord());
        var export = await ExportAsync(first);
        Assert.Contains("\"tex\":{\"title\":", export);

        using var second = new IngestHarness(ownsIndex: false, time: clock);
        var report = await second.IngestTextAsync("export.jsonl", export);
        Assert.Equal(1, report.Added);
        var reexport = await ExportAsync(second);

        // The second export says the paper also came through a JSON Lines import; apart from that, every byte is the same.
        Assert.Equal(export.Replace("\"sources\":[\"arxiv-oai\"]", "\"sources\":[\"arxiv-oai\",\"jsonl\"]"), reexport);
        Assert.Equal(Title, (await second.Data.Store.GetAsync("0704.0001"))!.TexSource!.Title);

        using var third = new IngestHarness(ownsIndex: false, time: clock);
        await third.IngestTextAsync("export.jsonl", reexport);
        Assert.Equal(reexport, await ExportAsync(third));
    }

    [Fact]
    public async Task ImportedOriginal_ThatDoesNotDecodeToTheText_IsDropped()
    {
        var paper = new Paper
        {
            Id = "2501.00001", ArxivId = "2501.00001", Title = "Kekulé", Abstract = "Plain.", Authors = ["A. Author"],
            TexSource = new TexSource { Title = @"<script>alert(1)</script>", Abstract = "Plain.", Authors = [@"B. Bal\'azs"] },
        };
        using var harness = new IngestHarness(ownsIndex: false);

        await harness.IngestTextAsync("forged.jsonl", PaperJsonLinesWriter.ToLine(paper));

        var stored = (await harness.Data.Store.GetAsync("2501.00001"))!;
        Assert.Equal("Kekulé", stored.Title);
        Assert.Null(stored.TexSource);
    }

    [Theory]
    [InlineData("""{"arxiv_id": "2501.00001", "title": "T", "tex": "not an object"}""", "'tex' must be an object, not a string")]
    [InlineData("""{"arxiv_id": "2501.00001", "title": "T", "tex": {"title": 5}}""", "'tex.title' must be a string, not a number")]
    [InlineData("""{"arxiv_id": "2501.00001", "title": "T", "tex": {"authors": [1]}}""", "'tex.authors[0]' must be a string, not a number")]
    public void MalformedTexObject_IsRejectedWithAPreciseReason(string line, string problem)
    {
        var items = ParserTestKit.Parse(new JsonLinesParser(), line);

        Assert.Equal(problem, Assert.Single(items).Problem);
    }

    [Fact]
    public async Task NewerVersion_TakesItsTitle_WithItsOwnOriginal_AndAPlainTitleDropsTheOldOriginal()
    {
        using var harness = new IngestHarness(ownsIndex: false);
        var v1 = new Paper { Id = "2501.00002", ArxivId = "2501.00002", Title = @"Kekul\'e v1", Abstract = "One.", Revised = new DateOnly(2025, 1, 1) };
        var v2 = v1 with { Title = @"G\""odel v2", Abstract = "Two.", Revised = new DateOnly(2025, 2, 1) };
        var v3 = v1 with { Title = "Plain v3", Abstract = "Three.", Revised = new DateOnly(2025, 3, 1) };

        await harness.IngestTextAsync("v1.jsonl", PaperJsonLinesWriter.ToLine(v1));
        await harness.IngestTextAsync("v2.jsonl", PaperJsonLinesWriter.ToLine(v2));
        var second = (await harness.Data.Store.GetAsync("2501.00002"))!;
        Assert.Equal(("Gödel v2", @"G\""odel v2"), (second.Title, second.TexSource!.Title));

        // An older version seen again changes nothing, its original included.
        var again = await harness.IngestTextAsync("v1.jsonl", PaperJsonLinesWriter.ToLine(v1));
        Assert.Equal(1, again.Unchanged);

        await harness.IngestTextAsync("v3.jsonl", PaperJsonLinesWriter.ToLine(v3));
        var third = (await harness.Data.Store.GetAsync("2501.00002"))!;
        Assert.Equal("Plain v3", third.Title);
        Assert.Null(third.TexSource);
    }

    [Fact]
    public void Validate_DecodedPaper_IsUnchangedByASecondValidation()
    {
        var parsed = new Paper { Id = "x", ArxivId = "0704.0001", Title = Title, Abstract = Abstract, Authors = [@"C. Bal\'azs", "{}", "E. Berger"] };
        var (once, _) = PaperValidator.Validate(parsed, new Configuration.IngestLimits());

        var (twice, _) = PaperValidator.Validate(once!, new Configuration.IngestLimits());

        Assert.Equal(["C. Balázs", "E. Berger"], once!.Authors);
        Assert.Equal([@"C. Bal\'azs", "E. Berger"], once.TexSource!.Authors);
        Assert.True(PaperMerger.SameFacts(once, twice!));
    }

    private static async Task<string> ExportAsync(IngestHarness harness)
    {
        var text = new StringBuilder();
        await using var writer = new StringWriter(text);
        await PaperJsonLinesWriter.WriteAsync(writer, harness.Data.Store.ReadAllAsync(), CancellationToken.None);
        return text.ToString();
    }
}
