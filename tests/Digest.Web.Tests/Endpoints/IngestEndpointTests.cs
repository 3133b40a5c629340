using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Endpoints;

public class IngestEndpointTests
{
    private const string Key = "test-key-0123456789abcdef";

    private const string TwoPapers = """
        {"arxiv_id": "2505.00001", "title": "Alpha paper", "abstract": "An abstract about alpha that is long enough to be a real abstract of a paper.", "authors": ["A. One"], "published": "2025-05-01", "categories": ["cs.LG"], "source": "x/y"}
        {"arxiv_id": "2505.00002", "title": "Beta paper", "abstract": "An abstract about beta that is long enough to be a real abstract of a paper.", "authors": ["B. Two"], "published": "2025-05-02", "categories": ["cs.CL"], "source": "x/y"}
        """;

    private static StringContent Body(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task Ingest_WithoutConfiguredKey_IsDisabled()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/ingest", Body(TwoPapers));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("IngestApiKey", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdef")]
    [InlineData("test-key-0123456789abcde")]
    public async Task Ingest_WithMissingOrWrongKey_IsUnauthorized_AndStoresNothing(string? key)
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Body(TwoPapers) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Ingest_WithKey_StoresPapers_AndReportsCounts_ThenReportsNothingChanged()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        var first = await client.PostAsync("/api/ingest", Body(TwoPapers));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var report = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(0, report.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(2, report.RootElement.GetProperty("added").GetInt32());
        Assert.Equal("jsonl", report.RootElement.GetProperty("files")[0].GetProperty("format").GetString());

        var second = await client.PostAsync("/api/ingest", Body(TwoPapers));
        using var again = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(0, again.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(2, again.RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Ingest_BinaryJunk_IsBadRequest_AndKeepsStoredPapers()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        await client.PostAsync("/api/ingest", Body(TwoPapers));

        var junk = new ByteArrayContent([0x00, 0xFF, 0xFE, 0x00, 0x13, 0x37, 0x00]);
        var response = await client.PostAsync("/api/ingest", junk);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a text file", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, await app.Services.GetRequiredService<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Ingest_OverTheSizeLimit_IsPayloadTooLarge()
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?>
        {
            ["Digest:IngestApiKey"] = Key,
            ["Digest:Limits:MaxFileBytes"] = "2048",
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var response = await client.PostAsync("/api/ingest", Body(new string('x', 10_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MaxFileBytes", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?format=pdf", "Unknown format")]
    [InlineData("?date=yesterday", "yyyy-mm-dd")]
    [InlineData("?year=99999", "year")]
    public async Task Ingest_WithBadParameters_IsBadRequest(string query, string message)
    {
        using var app = new DigestAppFactory(new Dictionary<string, string?> { ["Digest:IngestApiKey"] = Key });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var response = await client.PostAsync("/api/ingest" + query, Body(TwoPapers));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }
}
