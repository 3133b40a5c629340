using Digest.Core.Configuration;
using Digest.Core.Sources;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Digest.Web.Tests.Hosting;

public class OaiHarvestTests
{
    private const string From = "2024-11-01";

    private static Dictionary<string, string?> Settings(RecordedApiServer server, string? prefix = null) => new()
    {
        ["Digest:Sources:0:Name"] = "oai",
        ["Digest:Sources:0:Kind"] = nameof(RemoteSourceKind.ArxivOai),
        ["Digest:Sources:0:BaseUrl"] = server.BaseUrl + OaiPages.Path,
        ["Digest:Sources:0:From"] = From,
        ["Digest:Sources:0:Set"] = "cs",
        ["Digest:Sources:0:MetadataPrefix"] = prefix ?? "arXivRaw",
    };

    private static RemoteSourceOptions Source(TestDataHost host) => host.Get<IOptions<DigestOptions>>().Value.Sources[0];

    private static Task<SourceFetchResult> RunAsync(TestDataHost host, CancellationToken cancellationToken = default) =>
        host.Get<RemoteSourceRunner>().RunAsync(Source(host), cancellationToken);

    private static void ScriptThreePages(RecordedApiServer server)
    {
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Page(1, 3, "t1"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1"), OaiPages.Page(2, 3, "t2"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t2"), OaiPages.Page(3, 3, null));
    }

    private static List<string> Queries(RecordedApiServer server) => server.RequestsTo(OaiPages.Path).Select(r => r.Query).ToList();

    [Fact]
    public async Task Harvest_ThreePages_FollowsTheTokens_IngestsEveryPage_AndRecordsTheNextFrom()
    {
        await using var server = await RecordedApiServer.StartAsync();
        ScriptThreePages(server);
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(9, result.Report!.Added);
        Assert.Equal(["oai#1", "oai#2", "oai#3"], result.Report.Files.Select(f => f.File));
        Assert.Equal(
            [OaiPages.FirstQuery(From, "cs"), OaiPages.TokenQuery("t1"), OaiPages.TokenQuery("t2")],
            Queries(server));
        Assert.Equal(9, await host.Get<PaperStore>().CountAsync());
        Assert.Equal(9, host.Index!.DocumentCount);
        var state = await host.Get<OaiHarvestStore>().GetAsync("oai");
        Assert.False(state!.InProgress);
        Assert.Equal(new DateOnly(2024, 12, 2), state.NextFrom);
        Assert.Equal(3, state.Pages);
    }

    [Fact]
    public async Task Harvest_AfterACompletedOne_StartsFromItsResponseDay_AndNoRecordsMatchIsAnEmptySuccess()
    {
        await using var server = await RecordedApiServer.StartAsync();
        ScriptThreePages(server);
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery("2024-12-02", "cs"), OaiPages.Error("noRecordsMatch", "No records match", "2024-12-03T10:00:00Z"));
        await using var host = await TestDataHost.StartAsync(Settings(server));
        Assert.True((await RunAsync(host)).Succeeded);

        var second = await RunAsync(host);

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(0, second.Report!.Added);
        Assert.Equal(OaiPages.FirstQuery("2024-12-02", "cs"), Queries(server)[^1]);
        Assert.Equal(9, await host.Get<PaperStore>().CountAsync());
        Assert.Equal(new DateOnly(2024, 12, 3), (await host.Get<OaiHarvestStore>().GetAsync("oai"))!.NextFrom);
        var status = Assert.Single(await host.Get<SourceStatusStore>().GetAllAsync());
        Assert.Equal(0, status.ConsecutiveFailures);
    }

    [Fact]
    public async Task Harvest_NoRecordsMatchOnTheFirstRequest_SucceedsWithNothingAdded()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Error("noRecordsMatch", "No records match"));
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.Report!.Seen);
        Assert.Equal(0, await host.Get<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Harvest_CancelledWhilePageThreeIsAsked_KeepsPagesOneAndTwo_AndTheNextRunAsksForPageThreesToken()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Page(1, 3, "t1"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1"), OaiPages.Page(2, 3, "t2"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t2"), OaiPages.Page(3, 3, null) with { Delay = TimeSpan.FromSeconds(60) }, OaiPages.Page(3, 3, null));
        await using var host = await TestDataHost.StartAsync(Settings(server));
        using var stop = new CancellationTokenSource();

        var run = RunAsync(host, stop.Token);
        // Page 3 is asked for only once page 2 is stored and its token persisted.
        await WaitUntilAsync(() => Queries(server).Contains(OaiPages.TokenQuery("t2")));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(6, await host.Get<PaperStore>().CountAsync());

        var resumed = await RunAsync(host);

        Assert.True(resumed.Succeeded, resumed.Error);
        Assert.Equal(3, resumed.Report!.Added);
        Assert.Equal(
            [OaiPages.FirstQuery(From, "cs"), OaiPages.TokenQuery("t1"), OaiPages.TokenQuery("t2"), OaiPages.TokenQuery("t2")],
            Queries(server));
        Assert.Equal(9, await host.Get<PaperStore>().CountAsync());
        Assert.Equal(9, host.Index!.DocumentCount);
    }

    [Fact]
    public async Task Harvest_FailureOnPageTwo_KeepsPageOne_AndTheNextRunResumesFromItsToken()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Page(1, 3, "t1"));
        var page2 = OaiPages.Page(2, 3, null);
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1"), page2 with { Body = page2.Body[..(page2.Body.Length / 2)] }, page2);
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var failed = await RunAsync(host);

        Assert.Contains("complete XML", failed.Error);
        Assert.Equal(3, await host.Get<PaperStore>().CountAsync());
        Assert.Equal("t1", (await host.Get<OaiHarvestStore>().GetAsync("oai"))!.ResumptionToken);

        var resumed = await RunAsync(host);

        Assert.True(resumed.Succeeded, resumed.Error);
        Assert.Equal(OaiPages.TokenQuery("t1"), Queries(server)[^1]);
        Assert.Equal(6, await host.Get<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Harvest_ExpiredToken_RestartsFromThePersistedFromDay_AndCompletes()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Page(1, 3, "t1"), OaiPages.Page(1, 3, "t1b"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1"), new ScriptedResponse(400, "bad request"), OaiPages.Error("badResumptionToken", "The resumption token has expired"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1b"), OaiPages.Page(2, 3, null));
        await using var host = await TestDataHost.StartAsync(Settings(server));
        Assert.False((await RunAsync(host)).Succeeded);

        var restarted = await RunAsync(host);

        Assert.True(restarted.Succeeded, restarted.Error);
        Assert.Equal(
            [OaiPages.FirstQuery(From, "cs"), OaiPages.TokenQuery("t1"), OaiPages.TokenQuery("t1"), OaiPages.FirstQuery(From, "cs"), OaiPages.TokenQuery("t1b")],
            Queries(server));
        Assert.Equal(3, restarted.Report!.Added);
        Assert.Equal(3, restarted.Report.Unchanged);
        Assert.Equal(6, await host.Get<PaperStore>().CountAsync());
        Assert.False((await host.Get<OaiHarvestStore>().GetAsync("oai"))!.InProgress);
    }

    [Fact]
    public async Task Harvest_OtherOaiError_FailsWithTheServersMessage_AndStoresNothing()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Error("badArgument", "Illegal set 'cs'"));
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var result = await RunAsync(host);

        Assert.StartsWith("OAI-PMH error badArgument: Illegal set 'cs'", result.Error);
        Assert.Equal(0, await host.Get<PaperStore>().CountAsync());
        Assert.Contains("badArgument", Assert.Single(await host.Get<SourceStatusStore>().GetAllAsync()).LastError);
    }

    [Fact]
    public async Task Harvest_ServiceUnavailableWithRetryAfterSeconds_WaitsAsAsked_ThenContinues()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Page(1, 2, "t1"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1"),
            new ScriptedResponse(503, "Retry later") { Headers = { ["Retry-After"] = "1" } }, OaiPages.Page(2, 2, null));
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        var retried = server.RequestsTo(OaiPages.Path).Where(r => r.Query == OaiPages.TokenQuery("t1")).ToList();
        Assert.Equal(2, retried.Count);
        Assert.True(retried[1].At - retried[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(retried[1].At - retried[0].At).TotalMilliseconds} ms");
        Assert.Equal(4, await host.Get<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Harvest_ServiceUnavailableWithRetryAfterDate_WaitsUntilThen()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"),
            new ScriptedResponse(503, "Retry later") { Headers = { ["Retry-After"] = DateTimeOffset.UtcNow.AddSeconds(3).ToString("R") } }, OaiPages.Page(1, 2, null));
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        var requests = server.RequestsTo(OaiPages.Path);
        Assert.Equal(2, requests.Count);
        // An HTTP-date has whole seconds: three seconds ahead is at least two after truncation.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Harvest_SpacesItsRequests_ByTheConfiguredMinimum()
    {
        await using var server = await RecordedApiServer.StartAsync();
        ScriptThreePages(server);
        var settings = Settings(server);
        settings["Digest:Fetch:MinRequestSpacing"] = "00:00:00.400";
        await using var host = await TestDataHost.StartAsync(settings);

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        var at = server.RequestsTo(OaiPages.Path).Select(r => r.At).ToList();
        Assert.Equal(3, at.Count);
        // The limiter spaces the sends; the server sees arrivals, and the first one also waited for the connection to open
        // (tens of milliseconds on a loaded machine), so an arrival gap may fall short of the send gap by that much.
        for (var i = 1; i < at.Count; i++) Assert.True(at[i] - at[i - 1] >= TimeSpan.FromMilliseconds(340), $"request {i + 1} came {(at[i] - at[i - 1]).TotalMilliseconds} ms after the one before");
        Assert.True(at[^1] - at[0] >= TimeSpan.FromMilliseconds(2 * 400 - 60), $"three requests within {(at[^1] - at[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Harvest_ServerRepeatingItsToken_StopsInsteadOfLooping()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Page(1, 2, "t1"));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery("t1"), OaiPages.Page(2, 2, "t1"));
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var result = await RunAsync(host);

        Assert.Contains("same token again", result.Error);
        Assert.Equal(2, server.RequestsTo(OaiPages.Path).Count);
        Assert.Equal(2, await host.Get<PaperStore>().CountAsync());
    }

    [Theory]
    [InlineData("oversized")]
    [InlineData("control")]
    public async Task Harvest_HostileToken_FailsTheRun_AndIsNeitherStoredNorSent(string kind)
    {
        await using var server = await RecordedApiServer.StartAsync();
        var token = kind == "oversized" ? new string('a', 5_000) : "t\tx&verb=Identify";
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Page(1, 2, token));
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var result = await RunAsync(host);

        Assert.Contains("resumption token", result.Error);
        Assert.Single(server.RequestsTo(OaiPages.Path));
        Assert.Null(await host.Get<OaiHarvestStore>().GetAsync("oai"));
        Assert.Equal(0, await host.Get<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Harvest_TokenWithReservedCharacters_IsEscapedInTheNextRequest()
    {
        await using var server = await RecordedApiServer.StartAsync();
        const string token = "6390101|1001&from=1990-01-01";
        server.ScriptQuery(OaiPages.Path, OaiPages.FirstQuery(From, "cs"), OaiPages.Page(1, 2, token));
        server.ScriptQuery(OaiPages.Path, OaiPages.TokenQuery(token), OaiPages.Page(2, 2, null));
        await using var host = await TestDataHost.StartAsync(Settings(server));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("?verb=ListRecords&resumptionToken=6390101%7C1001%26from%3D1990-01-01", Queries(server)[^1]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException("the condition did not hold within 60 s");
            await Task.Delay(20);
        }
    }
}
