using System.Net;
using System.Text.Json;
using Digest.Web.Hosting;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Hosting;

/// <summary>
/// The per-client search limit. A search is held "running" by taking its slot from the app's own limiter, so the
/// tests do not depend on how fast a search is. The test server has no client address: a header supplies one.
/// </summary>
public class SearchConcurrencyTests
{
    [Fact]
    public async Task Search_BeyondTheClientsLimit_Answers429WithRetryAfter_WhileAnotherClientIsServed()
    {
        using var app = CreateApp();
        using var client = app.CreateClient();
        using var busy = HoldSearchSlot(app, "10.0.0.1");

        var refused = await GetAsync(client, "/search?q=language", "10.0.0.1");
        var otherClient = await GetAsync(client, "/search?q=language", "10.0.0.2");
        var health = await GetAsync(client, "/healthz", "10.0.0.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("1", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Contains("Too many requests at once", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ApiSearch_BeyondTheClientsLimit_AnswersProblemJson()
    {
        using var app = CreateApp();
        using var client = app.CreateClient();
        using var busy = HoldSearchSlot(app, "10.0.0.1");

        var refused = await GetAsync(client, "/api/search?q=language", "10.0.0.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Search_AfterTheRunningSearchEnds_IsServedAgain()
    {
        using var app = CreateApp();
        using var client = app.CreateClient();
        var busy = HoldSearchSlot(app, "10.0.0.1");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(client, "/api/search?q=x", "10.0.0.1")).StatusCode);

        busy.Dispose();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/search?q=x", "10.0.0.1")).StatusCode);
    }

    [Theory]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    public void ClientKey_GroupsAnIPv6NetworkAndUnmapsIPv4(string address, string key)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        Assert.Equal(key, SearchConcurrencyLimiter.ClientKey(context));
    }

    /// <summary>An app allowing one search per client and no queue, which takes the client address from <see cref="TestClientAddress.Header"/>.</summary>
    private static DigestAppFactory CreateApp()
    {
        return new DigestAppFactory(new Dictionary<string, string?>
        {
            ["Digest:Search:MaxConcurrentPerClient"] = "1",
            ["Digest:Search:QueuePerClient"] = "0",
        });
    }

    private static IDisposable HoldSearchSlot(DigestAppFactory app, string address)
    {
        var limiter = app.Services.GetRequiredService<SearchConcurrencyLimiter>().Limiter;
        var lease = limiter.AttemptAcquire(SearchContext(address));
        Assert.True(lease.IsAcquired);
        return lease;
    }

    private static DefaultHttpContext SearchContext(string address)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/search";
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(TestClientAddress.Header, address);
        return client.SendAsync(request);
    }
}
