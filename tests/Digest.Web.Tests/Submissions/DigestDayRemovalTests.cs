using Digest.Core.Ingestion;
using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Storage;
using Digest.Core.Submissions;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Submissions;

public class DigestDayRemovalTests
{
    private const string Digest = """
        Mar 11

        Sparse Widgets for Everyone

        We propose sparse widgets, a family of small models that learn from few examples.

        Dense Gadgets for Nobody

        We propose dense gadgets, which are the opposite of sparse widgets in every way.
        """;

    private static readonly DateOnly Day = new(2024, 3, 11);
    private static readonly string WidgetsId = PaperId.FromTitle("Sparse Widgets for Everyone");

    private static Task<IngestReport> IngestDigestAsync(TestDataHost host) =>
        host.Get<IngestService>().IngestAsync(
            [new IngestSource("digest.txt", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Digest)))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" });

    private static IReadOnlyList<string> OnDay(TestDataHost host, DateOnly day) =>
        [.. host.Get<SearchService>().Search(new SearchRequest { DigestDay = day }).Results.Select(r => r.Id).Order()];

    [Fact]
    public async Task Remove_TakesThePaperOffTheDay_InStoreAndIndex_AndReingestingThePageDoesNotPutItBack()
    {
        await using var host = await TestDataHost.StartAsync();
        await IngestDigestAsync(host);
        var seqBefore = await host.Get<PaperStore>().LatestChangeSeqAsync();

        Assert.True(await host.Get<DigestDayRemoval>().RemoveAsync(WidgetsId, Day));

        Assert.Empty((await host.Get<PaperStore>().GetAsync(WidgetsId))!.DigestDays);
        Assert.Equal(seqBefore + 1, await host.Get<PaperStore>().LatestChangeSeqAsync());
        Assert.DoesNotContain(WidgetsId, OnDay(host, Day));
        Assert.Single(OnDay(host, Day));

        var again = await IngestDigestAsync(host);

        Assert.Equal(2, again.Unchanged);
        Assert.Empty((await host.Get<PaperStore>().GetAsync(WidgetsId))!.DigestDays);
        Assert.DoesNotContain(WidgetsId, OnDay(host, Day));
        // The removal is of one day: another day's page still lists the paper.
        await host.Get<IngestService>().IngestAsync(
            [new IngestSource("next.txt", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Digest.Replace("Mar 11", "Mar 12"))))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" });
        Assert.Equal([Day.AddDays(1)], (await host.Get<PaperStore>().GetAsync(WidgetsId))!.DigestDays);
    }

    [Fact]
    public async Task Remove_UnderAFormerId_FollowsTheAlias_AndSurvivesTheArxivRecordArriving()
    {
        await using var host = await TestDataHost.StartAsync();
        await IngestDigestAsync(host);
        Assert.True(await host.Get<DigestDayRemoval>().RemoveAsync(WidgetsId, Day));
        var feed = "{\"arxiv_id\": \"2403.01234\", \"title\": \"Sparse Widgets for Everyone\", \"digest_days\": [\"2024-03-11\"], \"published\": \"2024-03-02\"}\n";

        await host.Get<IngestService>().IngestAsync([new IngestSource("feed.jsonl", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(feed)))], new IngestRequest { Origin = "test" });

        var paper = await host.Get<PaperStore>().GetAsync(WidgetsId);
        Assert.Equal("2403.01234", paper!.Id);
        Assert.Empty(paper.DigestDays);
        Assert.False(await host.Get<DigestDayRemoval>().RemoveAsync("2403.01234", Day));
    }

    [Fact]
    public async Task Remove_DayThePaperIsNotOn_ChangesNothing()
    {
        await using var host = await TestDataHost.StartAsync();
        await IngestDigestAsync(host);
        var seqBefore = await host.Get<PaperStore>().LatestChangeSeqAsync();

        Assert.False(await host.Get<DigestDayRemoval>().RemoveAsync(WidgetsId, Day.AddDays(3)));
        Assert.False(await host.Get<DigestDayRemoval>().RemoveAsync("2499.99999", Day));

        Assert.Equal(seqBefore, await host.Get<PaperStore>().LatestChangeSeqAsync());
        Assert.Equal([Day], (await host.Get<PaperStore>().GetAsync(WidgetsId))!.DigestDays);
    }

    [Fact]
    public async Task RemoveByReader_DeletesTheirSubmissions_TakesEachDayOff_ReturnsThem_AndLeavesOthersAlone()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(ArxivResponses.QueryPath, ArxivResponses.Fixture("id-2403.01234.xml"));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));
        var spammer = await TestReaders.AddAsync(host.Services, "spam@lab.example");
        var curator = await TestReaders.AddAsync(host.Services, "curator@lab.example");
        var service = host.Get<SubmissionService>();
        await service.SubmitAsync(spammer, "2403.01234", Day);
        await service.SubmitAsync(spammer, "2403.01234", Day.AddDays(1));
        await service.SubmitAsync(curator, "2403.01234", Day.AddDays(2));

        var removed = await service.RemoveByReaderAsync(spammer, curator);

        Assert.Equal([(Day, spammer), (Day.AddDays(1), spammer)], removed.Select(s => (s.Day, s.ReaderId)));
        Assert.Empty(await service.ListByReaderAsync(spammer));
        Assert.Single(await service.ListByReaderAsync(curator));
        Assert.Equal([Day.AddDays(2)], (await host.Get<PaperStore>().GetAsync("2403.01234"))!.DigestDays);
        Assert.Empty(OnDay(host, Day));

        // The spammer cannot put it back the same day; the answer says why.
        var again = await service.SubmitAsync(spammer, "2403.01234", Day);
        Assert.Equal(SubmissionResult.RemovedByCurator, again.Result);
        Assert.Empty(OnDay(host, Day));
        Assert.Empty(await service.RemoveByReaderAsync(spammer, curator));
    }
}
