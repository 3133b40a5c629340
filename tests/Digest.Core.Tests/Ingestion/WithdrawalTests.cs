using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Tests.Support;

namespace Digest.Core.Tests.Ingestion;

public class WithdrawalTests
{
    private static readonly DateOnly Withdrawn = new(2024, 12, 5);

    private static string Page(string records) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-12-05T10:00:00Z</responseDate><ListRecords>{records}</ListRecords></OAI-PMH>
        """;

    private static string Record(string id, string title) => $"""
        <record><header><identifier>oai:arXiv.org:{id}</identifier><datestamp>2024-12-02</datestamp></header>
        <metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>{id}</id>
        <version version="v1"><date>Mon, 2 Dec 2024 10:00:00 GMT</date></version>
        <title>{title}</title><authors>Ada Lovelace</authors><categories>cs.LG</categories><abstract>About {title}.</abstract></arXivRaw></metadata></record>
        """;

    private static string Deleted(string id) =>
        $"""<record><header status="deleted"><identifier>oai:arXiv.org:{id}</identifier><datestamp>2024-12-05</datestamp></header></record>""";

    [Fact]
    public async Task Ingest_DeletedRecordOfAStoredPaper_MarksItWithdrawn_AndTakesItOutOfTheIndex_ButKeepsItStored()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("first.xml", Page(Record("2412.01001", "Sparse attention") + Record("2412.01002", "Dense attention")));

        var report = await harness.IngestTextAsync("deleted.xml", Page(Deleted("2412.01001") + Deleted("2412.09999")));

        Assert.Equal(1, report.Updated);
        Assert.Equal(1, report.Unchanged);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(1, report.Files[0].SkippedWithdrawals);
        Assert.Contains("1 withdrawal notice of papers not stored skipped", report.ToText());
        var paper = await harness.Data.Store.GetAsync("2412.01001");
        Assert.Equal(Withdrawn, paper!.WithdrawnOn);
        Assert.Equal("Sparse attention", paper.Title);
        Assert.Null(await harness.Data.Store.GetAsync("2412.09999"));
        Assert.Equal(2, await harness.Data.Store.CountAsync());
        Assert.Empty(harness.IndexedIds(PaperFields.Id, "2412.01001"));
        Assert.Equal(["2412.01002"], harness.IndexedIds(PaperFields.Id, "2412.01002"));
    }

    [Fact]
    public async Task Ingest_TheRecordAgainAfterItsWithdrawal_DoesNotBringItBack()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("first.xml", Page(Record("2412.01001", "Sparse attention")));
        await harness.IngestTextAsync("deleted.xml", Page(Deleted("2412.01001")));

        // An older page harvested again (a restarted harvest) still carries the record.
        await harness.IngestTextAsync("again.xml", Page(Record("2412.01001", "Sparse attention")));

        Assert.Equal(Withdrawn, (await harness.Data.Store.GetAsync("2412.01001"))!.WithdrawnOn);
        Assert.Empty(harness.IndexedIds(PaperFields.Id, "2412.01001"));
    }

    [Fact]
    public async Task IndexCheck_WithdrawnPapersStoredButNotIndexed_IsNoDisagreement_AndARebuildLeavesThemOut()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("first.xml", Page(Record("2412.01001", "Sparse attention") + Record("2412.01002", "Dense attention")));
        await harness.IngestTextAsync("deleted.xml", Page(Deleted("2412.01001")));

        Assert.Equal(0, await harness.Synchronizer!.VerifyAsync());
        await harness.Synchronizer.RebuildAsync();

        Assert.Equal(1, harness.Index!.DocumentCount);
        Assert.Empty(harness.IndexedIds(PaperFields.Id, "2412.01001"));
        Assert.Equal(0, await harness.Synchronizer.VerifyAsync());
    }

    [Fact]
    public async Task Export_KeepsTheWithdrawal_AndAnExportWithoutOneIsUnchanged()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("first.xml", Page(Record("2412.01001", "Sparse attention") + Record("2412.01002", "Dense attention")));
        await harness.IngestTextAsync("deleted.xml", Page(Deleted("2412.01001")));
        var withdrawn = (await harness.Data.Store.GetAsync("2412.01001"))!;
        var kept = (await harness.Data.Store.GetAsync("2412.01002"))!;

        var line = PaperJsonLinesWriter.ToLine(withdrawn);
        var read = Assert.Single(new JsonLinesParser().Parse(new StringReader(line), new ParseContext { SourceName = "export" })).Paper;

        Assert.Contains("\"withdrawn_on\":\"2024-12-05\"", line);
        Assert.Equal(Withdrawn, read!.WithdrawnOn);
        Assert.DoesNotContain("withdrawn_on", PaperJsonLinesWriter.ToLine(kept));
    }

    [Fact]
    public void Parse_DeletedRecordWithoutAnArxivIdOrDatestamp_IsRejectedWithTheReason()
    {
        var page = Page("""
            <record><header status="deleted"><identifier>oai:example.org:42</identifier><datestamp>2024-12-05</datestamp></header></record>
            <record><header status="deleted"><identifier>oai:arXiv.org:2412.01003</identifier></header></record>
            """);

        var items = new ArxivOaiParser().Parse(new StringReader(page), new ParseContext { SourceName = "t" }).ToList();

        Assert.Contains("has no arXiv id", items[0].Problem);
        Assert.Contains("2412.01003: deleted record without a datestamp", items[1].Problem);
    }
}
