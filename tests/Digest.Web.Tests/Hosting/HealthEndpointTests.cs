using System.Net;
using System.Text.Json;
using Digest.Core.Sources;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Hosting;

public class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_AnswersOk()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Readyz_WithWritableStoreAndIndexInStep_IsReady_WithDetails()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();
        await app.IngestSampleAsync();
        await app.Services.GetRequiredService<SourceStatusStore>().RecordFailureAsync("hf", DateTimeOffset.UtcNow, "HTTP 503 from huggingface.co");

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("ready", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("store").GetProperty("ok").GetBoolean());
        var index = root.GetProperty("index");
        Assert.True(index.GetProperty("ok").GetBoolean());
        Assert.Equal(index.GetProperty("storeChangeSeq").GetInt64(), index.GetProperty("indexChangeSeq").GetInt64());
        // A failing remote source is shown, but the papers already stored stay searchable: still ready.
        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal("hf", source.GetProperty("name").GetString());
        Assert.Equal("HTTP 503 from huggingface.co", source.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Readyz_ThousandsOfPolls_StayFast()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();
        await app.IngestSampleAsync();
        await client.GetAsync("/readyz");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 200; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        // Generous: a probe every few seconds must cost milliseconds, not seconds, even on a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"200 probes took {clock.Elapsed}");
    }

    [Fact]
    public async Task ApiStatus_ReportsPapersIndexAndVersion()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();
        var report = await app.IngestSampleAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/status"));

        Assert.Equal(report.Added, json.RootElement.GetProperty("papers").GetInt32());
        Assert.Equal(report.Added, json.RootElement.GetProperty("index").GetProperty("documents").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("version").GetString()));
        Assert.NotEmpty(json.RootElement.GetProperty("recentIngests").EnumerateArray());
    }

    [Fact]
    public async Task ScheduledSources_AreFetchedByTheRunningApp_AndShownInReadyz()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script("/api/query", ScriptedResponse.Fixture("arxiv-query.xml", "application/atom+xml"));
        using var app = new DigestAppFactory(new Dictionary<string, string?>
        {
            ["Digest:Sources:0:Name"] = "arxiv-ml",
            ["Digest:Sources:0:Kind"] = "ArxivQuery",
            ["Digest:Sources:0:BaseUrl"] = server.BaseUrl,
            ["Digest:Sources:0:Query"] = "cat:cs.LG",
            ["Digest:Fetch:MinRequestSpacing"] = "00:00:00",
        });
        using var client = app.CreateClient();

        JsonElement source = default;
        for (var i = 0; i < 100; i++)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/readyz"));
            if (json.RootElement.GetProperty("sources").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } found)
            {
                source = found.Clone();
                break;
            }
            await Task.Delay(100);
        }

        Assert.Equal("arxiv-ml", source.GetProperty("name").GetString());
        Assert.NotNull(source.GetProperty("lastSuccessAt").GetString());
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
        Assert.Equal(3, status.RootElement.GetProperty("papers").GetInt32());
        Assert.Single(server.RequestsTo("/api/query"));
    }
}
