using Digest.Core.Arxiv;
using Digest.Core.Ingestion;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Arxiv;

public class ArxivTitleLookupTests
{
    private const string QueryPath = ArxivResponses.QueryPath;

    private const string Digest = """
        Mar 11

        Pointer Networks

        We introduce a new neural architecture to learn the conditional probability of an output sequence.

        Sparse Widgets for Everyone

        We propose sparse widgets, a family of small models that learn from few examples.
        """;

    private static readonly string PointerId = PaperId.FromTitle("Pointer Networks");
    private static readonly string WidgetsId = PaperId.FromTitle("Sparse Widgets for Everyone");

    private static Task<IngestReport> IngestDigestAsync(IServiceProvider services) =>
        services.GetRequiredService<IngestService>().IngestAsync(
            [new IngestSource("digest.txt", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Digest)))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" });

    /// <summary>Answers the title searches in the order the lookup asks (newest first, then by id: the same first-seen time).</summary>
    private static IEnumerable<string> InLookupOrder(params (string Id, string Fixture)[] answers) =>
        answers.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Fixture);

    [Fact]
    public async Task ExactTitleHit_RekeysThePaperToItsArxivId_KeepsTheOldIdAsAlias_AndTheNearMissIsNotTaken()
    {
        await using var server = await RecordedApiServer.StartAsync();
        foreach (var fixture in InLookupOrder((PointerId, "title-pointer-networks.xml"), (WidgetsId, "title-near-miss.xml")))
        {
            server.Script(QueryPath, ArxivResponses.Fixture(fixture));
        }
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));
        await IngestDigestAsync(host.Services);

        var round = await host.Get<ArxivTitleLookup>().RunRoundAsync(CancellationToken.None);

        Assert.Equal(new TitleLookupRound(2, 1, 1, 0), round);
        var store = host.Get<PaperStore>();
        var pointer = await store.GetAsync(PointerId);
        Assert.NotNull(pointer);
        Assert.Equal("1506.03134", pointer.Id);
        Assert.Equal("1506.03134", pointer.ArxivId);
        Assert.Equal(["Oriol Vinyals", "Meire Fortunato", "Navdeep Jaitly"], pointer.Authors);
        Assert.Equal(new DateOnly(2015, 6, 9), pointer.Published);
        Assert.Equal([new DateOnly(2024, 3, 11)], pointer.DigestDays);
        Assert.Contains("stat.ML", pointer.Categories);
        Assert.Equal(2, await store.CountAsync());
        // The index follows: the new id is a document, the title id is not.
        var index = host.Index!;
        Assert.Equal(2, index.DocumentCount);

        var widgets = await store.GetAsync(WidgetsId);
        Assert.Null(widgets!.ArxivId);
        var lookups = host.Get<TitleLookupStore>();
        Assert.Equal(TitleLookupOutcome.Found, (await lookups.GetAsync(PointerId))!.Value.Outcome);
        Assert.Null((await lookups.GetAsync(PointerId))!.Value.RetryAt);
        var missed = (await lookups.GetAsync(WidgetsId))!.Value;
        Assert.Equal(TitleLookupOutcome.NotFound, missed.Outcome);
        Assert.True(missed.RetryAt > DateTimeOffset.UtcNow.AddDays(29), $"retry at {missed.RetryAt}");

        // Nothing is due any more: a second round asks arXiv nothing.
        var requests = server.RequestsTo(QueryPath).Count;
        Assert.Equal(new TitleLookupRound(0, 0, 0, 0), await host.Get<ArxivTitleLookup>().RunRoundAsync(CancellationToken.None));
        Assert.Equal(requests, server.RequestsTo(QueryPath).Count);
    }

    [Fact]
    public async Task Unavailable_WithALongRetryAfter_IsRecordedUnreachable_StopsTheRound_AndBacksOff()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, new ScriptedResponse(503, "maintenance") { Headers = { ["Retry-After"] = "3600" } });
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl, new Dictionary<string, string?>
        {
            ["Digest:Arxiv:UnreachableRetry"] = "00:00:01",
        }));
        await IngestDigestAsync(host.Services);
        var lookup = host.Get<ArxivTitleLookup>();
        var lookups = host.Get<TitleLookupStore>();

        var round = await lookup.RunRoundAsync(CancellationToken.None);

        Assert.Equal(new TitleLookupRound(1, 0, 0, 1), round);
        Assert.False(round.MoreWaiting(20));
        Assert.Single(server.RequestsTo(QueryPath));
        var first = InLookupOrder((PointerId, PointerId), (WidgetsId, WidgetsId)).First();
        var failed = (await lookups.GetAsync(first))!.Value;
        Assert.Equal(TitleLookupOutcome.Unreachable, failed.Outcome);
        Assert.NotNull(failed.RetryAt);
        Assert.Null(await lookups.GetAsync(first == PointerId ? WidgetsId : PointerId));

        // The other paper is still due; the failed one is due again after its wait, which then doubles.
        await lookup.RunRoundAsync(CancellationToken.None);
        await Task.Delay(failed.RetryAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100));
        await lookup.RunRoundAsync(CancellationToken.None);
        var again = (await lookups.GetAsync(first))!.Value;
        Assert.Equal(TitleLookupOutcome.Unreachable, again.Outcome);
        Assert.True(again.RetryAt - failed.RetryAt >= TimeSpan.FromSeconds(1.9), $"first wait until {failed.RetryAt:O}, second until {again.RetryAt:O}");
        Assert.Equal(3, server.RequestsTo(QueryPath).Count);
    }

    [Fact]
    public async Task Unreachable_ThenAnswered_TakesTheHitAtTheRetry()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, new ScriptedResponse(500, "oops"), new ScriptedResponse(500, "oops"), ArxivResponses.Fixture("title-pointer-networks.xml"));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl, new Dictionary<string, string?>
        {
            ["Digest:Arxiv:UnreachableRetry"] = "00:00:01",
        }));
        await host.Get<IngestService>().IngestAsync(
            [new IngestSource("digest.txt", () => new MemoryStream("Mar 11\n\nPointer Networks\n\nWe introduce a new neural architecture.\n"u8.ToArray()))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" });
        var lookup = host.Get<ArxivTitleLookup>();

        Assert.Equal(1, (await lookup.RunRoundAsync(CancellationToken.None)).Unreachable);
        Assert.Equal(0, (await lookup.RunRoundAsync(CancellationToken.None)).LookedUp);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var round = await lookup.RunRoundAsync(CancellationToken.None);

        Assert.Equal(1, round.Found);
        Assert.Equal("1506.03134", (await host.Get<PaperStore>().GetAsync(PointerId))!.Id);
    }

    [Fact]
    public async Task FoundPaper_OldLinkRedirectsToTheArxivId_AndTheLookupServiceRunsInTheApp()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, ArxivResponses.Fixture("title-pointer-networks.xml"));
        using var app = new DigestAppFactory(ArxivResponses.Settings(server.BaseUrl, new Dictionary<string, string?>
        {
            ["Digest:Arxiv:TitleLookup"] = "true",
            ["Digest:Arxiv:LookupInterval"] = "00:00:01",
            ["Digest:Fetch:MinRequestSpacing"] = "00:00:00",
        }));
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await app.IngestAsync("digest.txt", "Mar 11\n\nPointer Networks\n\nWe introduce a new neural architecture.\n",
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await app.GetPaperAsync(PointerId))?.ArxivId is null && DateTime.UtcNow < deadline) await Task.Delay(100);

        var response = await client.GetAsync($"/papers/{PointerId}");
        Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/papers/1506.03134", response.Headers.Location?.OriginalString);
        var page = await client.GetAsync("/papers/1506.03134");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Oriol Vinyals", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TitleLookupOff_AsksArxivNothing()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, ArxivResponses.Fixture("title-pointer-networks.xml"));
        using var app = new DigestAppFactory(ArxivResponses.Settings(server.BaseUrl, new Dictionary<string, string?>
        {
            ["Digest:Arxiv:TitleLookup"] = "false",
            ["Digest:Arxiv:LookupInterval"] = "00:00:01",
        }));
        using var client = app.CreateClient();
        await app.IngestAsync("digest.txt", "Mar 11\n\nPointer Networks\n\nWe introduce a new neural architecture.\n",
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" });

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Empty(server.Requests);
        Assert.Null((await app.GetPaperAsync(PointerId))!.ArxivId);
    }

    [Fact]
    public async Task ShortTitle_IsNeverAskedAbout()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, ArxivResponses.Fixture("title-pointer-networks.xml"));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl));
        await host.Get<IngestService>().IngestAsync(
            [new IngestSource("digest.txt", () => new MemoryStream("Mar 11\n\nIntroduction\n\nA paper with a title that names nothing.\n"u8.ToArray()))],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" });

        var round = await host.Get<ArxivTitleLookup>().RunRoundAsync(CancellationToken.None);

        Assert.Equal(1, round.LookedUp);
        Assert.Empty(server.Requests);
        var recorded = (await host.Get<TitleLookupStore>().GetAsync(PaperId.FromTitle("Introduction")))!.Value;
        Assert.Equal(TitleLookupOutcome.TooShort, recorded.Outcome);
        Assert.Null(recorded.RetryAt);
        Assert.Equal(0, (await host.Get<ArxivTitleLookup>().RunRoundAsync(CancellationToken.None)).LookedUp);
    }

    [Fact]
    public async Task Requests_AreSpacedByTheFetchRules()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, ArxivResponses.Fixture("empty.xml"));
        await using var host = await TestDataHost.StartAsync(ArxivResponses.Settings(server.BaseUrl, new Dictionary<string, string?>
        {
            ["Digest:Fetch:MinRequestSpacing"] = "00:00:01",
        }));
        await IngestDigestAsync(host.Services);

        await host.Get<ArxivTitleLookup>().RunRoundAsync(CancellationToken.None);

        var requests = server.RequestsTo(QueryPath);
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"{(requests[1].At - requests[0].At).TotalMilliseconds} ms apart");
    }
}
