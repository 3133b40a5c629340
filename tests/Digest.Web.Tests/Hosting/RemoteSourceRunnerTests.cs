using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Sources;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Digest.Web.Tests.Hosting;

public class RemoteSourceRunnerTests
{
    private const string DailyPath = "/api/daily_papers";
    private const string QueryPath = "/api/query";

    private static Dictionary<string, string?> Sources(string baseUrl, params (string Name, RemoteSourceKind Kind)[] sources)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < sources.Length; i++)
        {
            settings[$"Digest:Sources:{i}:Name"] = sources[i].Name;
            settings[$"Digest:Sources:{i}:Kind"] = sources[i].Kind.ToString();
            settings[$"Digest:Sources:{i}:BaseUrl"] = baseUrl;
            settings[$"Digest:Sources:{i}:Query"] = "cat:cs.LG OR cat:cs.CL";
            settings[$"Digest:Sources:{i}:MaxResults"] = "3";
            settings[$"Digest:Sources:{i}:Days"] = "2";
        }
        return settings;
    }

    private static async Task<(IReadOnlyList<SourceFetchResult> Results, IReadOnlyList<SourceStatus> Statuses)> RunAllAsync(TestDataHost host)
    {
        var runner = host.Get<RemoteSourceRunner>();
        var results = new List<SourceFetchResult>();
        foreach (var source in host.Get<IOptions<DigestOptions>>().Value.Sources) results.Add(await runner.RunAsync(source, CancellationToken.None));
        return (results, await host.Get<SourceStatusStore>().GetAllAsync());
    }

    private static ScriptedResponse HfDay(string date) => ScriptedResponse.Fixture($"hf-daily-{date}.json", "application/json");

    private static ScriptedResponse Atom() => ScriptedResponse.Fixture("arxiv-query.xml", "application/atom+xml");

    [Fact]
    public async Task Fetch_HuggingFaceAndArxiv_IngestsEveryPaper_WithSourceNameAsOrigin_AndRecordsSuccess()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(DailyPath, HfDay("2025-06-02"), HfDay("2025-06-03"));
        server.Script(QueryPath, Atom());
        await using var host = await TestDataHost.StartAsync(Sources(server.BaseUrl, ("hf", RemoteSourceKind.HuggingFaceDaily), ("arxiv", RemoteSourceKind.ArxivQuery)));

        var (results, statuses) = await RunAllAsync(host);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(3, results[0].Report!.Added);
        Assert.Equal(3, results[1].Report!.Added);
        Assert.Equal(6, await host.Get<PaperStore>().CountAsync());
        Assert.Equal(6, host.Get<PaperIndex>().DocumentCount);
        Assert.All(statuses, s => Assert.NotNull(s.LastSuccessAt));
        Assert.All(statuses, s => Assert.Null(s.LastError));
        Assert.Contains((await host.Get<PaperStore>().GetStatsAsync()).RecentRuns, r => r.Origin == "arxiv");

        var daily = server.RequestsTo(DailyPath);
        Assert.Equal(2, daily.Count);
        Assert.All(daily, r => Assert.Matches(@"^\?date=\d{4}-\d{2}-\d{2}$", r.Query));
        var query = Assert.Single(server.RequestsTo(QueryPath)).Query;
        Assert.Contains("search_query=cat%3Acs.LG%20OR%20cat%3Acs.CL", query);
        Assert.Contains("sortBy=submittedDate&sortOrder=descending&start=0&max_results=3", query);
        Assert.All(server.Requests, r => Assert.StartsWith("Digest/", r.UserAgent));
        Assert.All(server.Requests, r => Assert.Contains("self-hosted paper digest", r.UserAgent));
    }

    [Fact]
    public async Task Fetch_ServerErrorThenSuccess_RetriesAndIngests()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, new ScriptedResponse(500, "oops"), new ScriptedResponse(503, "busy"), Atom());
        await using var host = await TestDataHost.StartAsync(Sources(server.BaseUrl, ("arxiv", RemoteSourceKind.ArxivQuery)));

        var (results, statuses) = await RunAllAsync(host);

        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal(3, server.RequestsTo(QueryPath).Count);
        Assert.Equal(3, await host.Get<PaperStore>().CountAsync());
        Assert.Equal(0, statuses[0].ConsecutiveFailures);
    }

    [Fact]
    public async Task Fetch_TooManyRequestsWithRetryAfter_WaitsAsAskedThenIngests()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, new ScriptedResponse(429, "slow down") { Headers = { ["Retry-After"] = "1" } }, Atom());
        await using var host = await TestDataHost.StartAsync(Sources(server.BaseUrl, ("arxiv", RemoteSourceKind.ArxivQuery)));

        var (results, _) = await RunAllAsync(host);

        Assert.True(results[0].Succeeded, results[0].Error);
        var requests = server.RequestsTo(QueryPath);
        Assert.Equal(2, requests.Count);
        // Retry-After: 1 second, against a configured base backoff of 10 ms.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Fetch_RetryAfterLongerThanAllowed_FailsWithoutWaiting()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, new ScriptedResponse(429, "come back tomorrow") { Headers = { ["Retry-After"] = "86400" } });
        await using var host = await TestDataHost.StartAsync(Sources(server.BaseUrl, ("arxiv", RemoteSourceKind.ArxivQuery)));

        var (results, statuses) = await RunAllAsync(host);

        Assert.Contains("MaxRetryAfter", results[0].Error);
        Assert.Single(server.RequestsTo(QueryPath));
        Assert.Equal(1, statuses[0].ConsecutiveFailures);
    }

    [Fact]
    public async Task Fetch_SlowSource_TimesOut_RecordsError_AndTheNextSourceStillRuns()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, Atom() with { Delay = TimeSpan.FromSeconds(30) });
        server.Script(DailyPath, HfDay("2025-06-02"));
        var settings = Sources(server.BaseUrl, ("slow-arxiv", RemoteSourceKind.ArxivQuery), ("hf", RemoteSourceKind.HuggingFaceDaily));
        // Long enough that the healthy source answers in time on a loaded machine, far below the slow one's delay.
        settings["Digest:Fetch:Timeout"] = "00:00:02";
        settings["Digest:Fetch:MaxRetries"] = "1";
        await using var host = await TestDataHost.StartAsync(settings);

        var (results, statuses) = await RunAllAsync(host);

        Assert.Contains("within 2 s", results[0].Error);
        Assert.Equal(2, server.RequestsTo(QueryPath).Count);
        Assert.True(results[1].Succeeded, results[1].Error);
        var slow = statuses.Single(s => s.Name == "slow-arxiv");
        Assert.Null(slow.LastSuccessAt);
        Assert.Contains("within 2 s", slow.LastError);
        Assert.Equal(2, await host.Get<PaperStore>().CountAsync()); // hf: the same two papers on both days
    }

    [Theory]
    [InlineData(RemoteSourceKind.HuggingFaceDaily, "complete JSON")]
    [InlineData(RemoteSourceKind.ArxivQuery, "complete XML")]
    public async Task Fetch_TruncatedResponse_StoresNothing_AndRecordsTheError(RemoteSourceKind kind, string expected)
    {
        await using var server = await RecordedApiServer.StartAsync();
        var full = kind == RemoteSourceKind.ArxivQuery ? Atom() : HfDay("2025-06-02");
        // A complete HTTP response whose body stops two thirds of the way in: the parsers alone would accept the first records.
        var cut = full with { Body = full.Body[..(full.Body.Length * 2 / 3)] };
        server.Script(kind == RemoteSourceKind.ArxivQuery ? QueryPath : DailyPath, cut);
        await using var host = await TestDataHost.StartAsync(Sources(server.BaseUrl, ("src", kind)));

        var (results, statuses) = await RunAllAsync(host);

        Assert.Contains(expected, results[0].Error);
        Assert.Equal(0, await host.Get<PaperStore>().CountAsync());
        Assert.Contains(expected, statuses[0].LastError);
    }

    [Fact]
    public async Task Fetch_ConnectionDropsMidBody_IsRetried_ThenIngests()
    {
        await using var server = await RecordedApiServer.StartAsync();
        var atom = Atom();
        server.Script(QueryPath, atom with { BreakOffAfter = 500 }, atom);
        await using var host = await TestDataHost.StartAsync(Sources(server.BaseUrl, ("arxiv", RemoteSourceKind.ArxivQuery)));

        var (results, _) = await RunAllAsync(host);

        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal(2, server.RequestsTo(QueryPath).Count);
        Assert.Equal(3, await host.Get<PaperStore>().CountAsync());
    }

    [Theory]
    [InlineData("{\"error\": \"Invalid date\"}", "expected a JSON array")]
    [InlineData("<html><body>Service Unavailable</body></html>", "complete JSON")]
    [InlineData("", "empty")]
    public async Task Fetch_WrongShape_StoresNothing_AndKeepsEarlierPapers(string body, string expected)
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(DailyPath, HfDay("2025-06-02"), HfDay("2025-06-03"), new ScriptedResponse(200, body));
        await using var host = await TestDataHost.StartAsync(Sources(server.BaseUrl, ("hf", RemoteSourceKind.HuggingFaceDaily)));
        var (first, _) = await RunAllAsync(host);
        Assert.True(first[0].Succeeded, first[0].Error);

        var (second, statuses) = await RunAllAsync(host);

        Assert.Contains(expected, second[0].Error);
        Assert.Equal(3, await host.Get<PaperStore>().CountAsync());
        Assert.NotNull(statuses[0].LastSuccessAt);
        Assert.Equal(1, statuses[0].ConsecutiveFailures);
    }

    [Fact]
    public async Task Fetch_ResponseLargerThanTheCap_IsRefused()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, Atom());
        var settings = Sources(server.BaseUrl, ("arxiv", RemoteSourceKind.ArxivQuery));
        settings["Digest:Fetch:MaxResponseBytes"] = "2048";
        await using var host = await TestDataHost.StartAsync(settings);

        var (results, _) = await RunAllAsync(host);

        Assert.Contains("MaxResponseBytes", results[0].Error);
        Assert.Equal(0, await host.Get<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Fetch_RequestsToOneHost_AreSpacedByTheMinimum()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(QueryPath, new ScriptedResponse(500), new ScriptedResponse(500), new ScriptedResponse(500), Atom());
        var settings = Sources(server.BaseUrl, ("arxiv", RemoteSourceKind.ArxivQuery));
        settings["Digest:Fetch:MinRequestSpacing"] = "00:00:00.300";
        settings["Digest:Fetch:RetryBaseDelay"] = "00:00:00";
        await using var host = await TestDataHost.StartAsync(settings);

        var (results, _) = await RunAllAsync(host);

        Assert.True(results[0].Succeeded, results[0].Error);
        var times = server.RequestsTo(QueryPath).Select(r => r.At).ToList();
        Assert.Equal(4, times.Count);
        // Without the limiter the retries would follow each other at once (no backoff configured): three spacings of
        // 300 ms lie between the first and the last request. The server sees arrivals, and a late first arrival (it
        // also opens the connection, slow on a loaded machine) shortens the span: hence half of it. Exact spacing is
        // checked on the limiter itself below.
        Assert.True((times[^1] - times[0]).TotalMilliseconds >= 0.5 * 3 * 300, $"first to last: {(times[^1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task HostRateLimiter_SpacesGrantsToOneHostByTheMinimum()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var limiter = new HostRateLimiter(TimeSpan.FromSeconds(3), time);
        await limiter.WaitAsync("export.arxiv.org", CancellationToken.None);

        // Each call starts its timer before it returns (the gate is free), so advancing the clock is deterministic.
        var second = limiter.WaitAsync("export.arxiv.org", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(2_999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30));

        // The third waits its own full spacing after the second.
        var third = limiter.WaitAsync("export.arxiv.org", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(2_999));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task HostRateLimiter_DoesNotMakeOtherHostsWait()
    {
        var limiter = new HostRateLimiter(TimeSpan.FromSeconds(5), TimeProvider.System);
        await limiter.WaitAsync("export.arxiv.org", CancellationToken.None);
        var other = limiter.WaitAsync("huggingface.co", CancellationToken.None);
        var same = limiter.WaitAsync("export.arxiv.org", CancellationToken.None);

        Assert.True(other.IsCompleted);
        Assert.False(same.IsCompleted);
        await other;
    }
}
