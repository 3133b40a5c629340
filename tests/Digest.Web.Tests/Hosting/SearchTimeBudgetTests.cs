using System.Net;
using Digest.Core.Configuration;
using Digest.Web.Hosting;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Web.Tests.Hosting;

public class SearchTimeBudgetTests
{
    [Fact]
    public void Client_WhoSpentItsBurst_IsRefusedUntilTheBudgetRefills_WhileOthersAreAdmitted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var budget = Budget(clock, perSecond: TimeSpan.FromMilliseconds(250), burst: TimeSpan.FromSeconds(1));

        Assert.True(budget.TryAdmit("10.0.0.1", out _));
        budget.Charge("10.0.0.1", TimeSpan.FromMilliseconds(1_500)); // one costly search: the client is half a second in debt

        Assert.False(budget.TryAdmit("10.0.0.1", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(3), retryAfter); // 0.5 s of debt at 0.25 s a second, rounded up
        Assert.True(budget.TryAdmit("10.0.0.2", out _));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(budget.TryAdmit("10.0.0.1", out _)); // repaid to exactly zero: not yet
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(budget.TryAdmit("10.0.0.1", out _));
    }

    [Fact]
    public void Refill_StopsAtTheBurst_SoAnIdleClientCannotSaveUpMore()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var budget = Budget(clock, perSecond: TimeSpan.FromMilliseconds(250), burst: TimeSpan.FromSeconds(1));
        Assert.True(budget.TryAdmit("10.0.0.1", out _));

        clock.Advance(TimeSpan.FromHours(1));
        budget.Charge("10.0.0.1", TimeSpan.FromMilliseconds(1_001));

        Assert.False(budget.TryAdmit("10.0.0.1", out _));
    }

    [Fact]
    public void ZeroTimePerSecond_TurnsTheBudgetOff()
    {
        Assert.False(Budget(TimeProvider.System, TimeSpan.Zero, TimeSpan.FromSeconds(1)).Enabled);
    }

    [Fact]
    public async Task App_RefusesAClientThatUsedItsSearchTime_With429_AndServesAnotherClient()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?>
        {
            ["Digest:Search:ClientSearchTimePerSecond"] = "00:00:00.001",
            ["Digest:Search:ClientSearchTimeBurst"] = "00:00:00.100",
        });
        using var client = app.CreateClient();
        await app.IngestSampleAsync();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2_000 && refused is null; i++)
        {
            var response = await GetAsync(client, $"/search?q=language+models&page={1 + i % 3}", "10.0.0.1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.NotNull(refused);
        Assert.True(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))) >= 1);
        Assert.Contains("Too many requests at once", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/search?q=language", "10.0.0.2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/", "10.0.0.1")).StatusCode); // pages without a search are not limited
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/healthz", "10.0.0.1")).StatusCode);
    }

    private static SearchTimeBudget Budget(TimeProvider clock, TimeSpan perSecond, TimeSpan burst) =>
        new(Options.Create(new DigestOptions { Search = { ClientSearchTimePerSecond = perSecond, ClientSearchTimeBurst = burst } }), clock);

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(TestClientAddress.Header, address);
        return client.SendAsync(request);
    }
}
