using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

/// <summary>
/// Different people share names (arXiv 2502.17823 has two authors called "Hui Liu"): the author list is kept as the
/// source gives it, order and repeated names included, through every parser, validation, the store and the export.
/// Digest text pages carry no authors, so they have no case here.
/// </summary>
public class HomonymAuthorTests
{
    private static readonly string[] Authors = ["Hui Liu", "Jane Doe", "Hui Liu", "Tzu-Yu Lin"];

    /// <summary>The first record's authors after the parser and the validator, as ingest stores them.</summary>
    private static IReadOnlyList<string> StoredAuthors(IPaperParser parser, string text)
    {
        var paper = Assert.Single(Parse(parser, text).Papers());
        var (valid, problem) = PaperValidator.Validate(paper, new IngestLimits());
        Assert.Null(problem);
        return valid!.Authors;
    }

    [Fact]
    public void HuggingFaceDaily_AuthorsWithTheSameName_AreAllKeptInOrder()
    {
        var json = """
            [{"paper": {"id": "2502.17823", "title": "Homonyms", "summary": "Two people, one name.",
              "authors": [{"name": "Hui Liu"}, {"name": "Jane Doe"}, {"name": " Hui  Liu "}, "Tzu-Yu Lin"]}}]
            """;

        Assert.Equal(Authors, StoredAuthors(new HuggingFaceDailyParser(), json));
    }

    [Fact]
    public void ArxivAtom_AuthorsWithTheSameName_AreAllKeptInOrder()
    {
        var xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
              <id>http://arxiv.org/abs/2502.17823v1</id><title>Homonyms</title><summary>Two people, one name.</summary>
              <author><name>Hui Liu</name></author><author><name>Jane Doe</name></author>
              <author><name>Hui
                Liu</name></author><author><name>Tzu-Yu Lin</name></author><author><name> </name></author>
            </entry></feed>
            """;

        Assert.Equal(Authors, StoredAuthors(new ArxivAtomParser(), xml));
    }

    [Fact]
    public void ArxivOaiRaw_AuthorsWithTheSameName_AreAllKeptInOrder()
    {
        var xml = """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header><identifier>oai:arXiv.org:2502.17823</identifier></header>
            <metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>2502.17823</id><title>Homonyms</title>
            <authors>Hui Liu, Jane Doe, Hui Liu and Tzu-Yu Lin</authors><abstract>Two people, one name.</abstract></arXivRaw></metadata>
            </record></ListRecords></OAI-PMH>
            """;

        Assert.Equal(Authors, StoredAuthors(new ArxivOaiParser(), xml));
    }

    [Fact]
    public void ArxivOaiArxivFormat_AuthorsWithTheSameName_AreAllKeptInOrder()
    {
        var xml = """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header><identifier>oai:arXiv.org:2502.17823</identifier></header>
            <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2502.17823</id><title>Homonyms</title><authors>
            <author><keyname>Liu</keyname><forenames>Hui</forenames></author><author><keyname>Doe</keyname><forenames>Jane</forenames></author>
            <author><keyname>Liu</keyname><forenames>Hui</forenames></author><author><keyname>Lin</keyname><forenames>Tzu-Yu</forenames></author>
            </authors><abstract>Two people, one name.</abstract></arXiv></metadata></record></ListRecords></OAI-PMH>
            """;

        Assert.Equal(Authors, StoredAuthors(new ArxivOaiParser(), xml));
    }

    [Fact]
    public void JsonLines_AuthorsWithTheSameName_AreAllKeptInOrder_EmptyNamesDropped()
    {
        var line = """{"arxiv_id": "2502.17823", "title": "Homonyms", "authors": ["Hui Liu", "", "Jane Doe", "Hui Liu ", "  ", "Tzu-Yu Lin"]}""";

        Assert.Equal(Authors, StoredAuthors(new JsonLinesParser(), line));
    }

    [Fact]
    public async Task ExportThenIngest_KeepsRepeatedNames_InTheStoreAndTheRoundTrip()
    {
        string[] authors = ["Tzu-Yu Lin", "Chih-Chung Hsu", "A. Author", "Tzu-Yu Lin", "Chih-Chung Hsu"];
        var paper = new Paper { Id = "2501.10343", ArxivId = "2501.10343", Title = "Many authors, some homonyms", Abstract = "An abstract.", Authors = authors };
        using var first = new IngestHarness();
        await first.IngestTextAsync("papers.jsonl", PaperJsonLinesWriter.ToLine(paper));
        var stored = (await first.Data.Store.GetAsync("2501.10343"))!;
        Assert.Equal(authors, stored.Authors);

        using var second = new IngestHarness();
        var report = await second.IngestTextAsync("export.jsonl", PaperJsonLinesWriter.ToLine(stored));

        Assert.Equal(1, report.Added);
        Assert.Equal(authors, (await second.Data.Store.GetAsync("2501.10343"))!.Authors);
    }

    [Fact]
    public async Task Ingest_NewerVersionWithFewerAuthors_ReplacesTheStoredList()
    {
        using var harness = new IngestHarness(ownsIndex: false);
        var v1 = new Paper { Id = "2502.17823", ArxivId = "2502.17823", Title = "Homonyms", Abstract = "v1.", Authors = Authors, Revised = new DateOnly(2025, 2, 24) };
        var v2 = v1 with { Abstract = "v2.", Authors = ["Hui Liu", "Jane Doe"], Revised = new DateOnly(2025, 3, 1) };
        await harness.IngestTextAsync("v1.jsonl", PaperJsonLinesWriter.ToLine(v1));
        Assert.Equal(Authors, (await harness.Data.Store.GetAsync("2502.17823"))!.Authors);

        var report = await harness.IngestTextAsync("v2.jsonl", PaperJsonLinesWriter.ToLine(v2));

        Assert.Equal(1, report.Updated);
        Assert.Equal(["Hui Liu", "Jane Doe"], (await harness.Data.Store.GetAsync("2502.17823"))!.Authors);
    }
}
